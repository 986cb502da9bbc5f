package io.nopesight.reporting;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.correlation.service.Services;

import static org.awaitility.Awaitility.await;

/**
 * Waits for what the demo switch starts in the background: the correlator placing every demo event in an incident,
 * and the services' health worked out from them.
 */
final class DemoEstateSettled {

	private static final String UNPLACED = """
			SELECT count(*) FROM event e WHERE NOT EXISTS (SELECT 1 FROM event_incident i WHERE i.event_id = e.id)
			""";

	private DemoEstateSettled() {
	}

	static void waitFor(JdbcClient jdbc, Services services) {
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> jdbc.sql(UNPLACED).query(Long.class).single() == 0
					&& jdbc.sql("SELECT count(*) FROM event").query(Long.class).single() > 4000);
		services.catchUpHealth();
	}

}
