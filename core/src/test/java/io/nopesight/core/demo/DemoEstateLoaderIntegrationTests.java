package io.nopesight.core.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.CoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nopesight.demo=true} on an empty database: every part of the demo estate is there once the
 * application is ready, in the parts' declared order, moved forward to end today; a second load adds nothing.
 * Core has no scan worker, so the scans wait in the queue (the API's tests see them run).
 */
@CoreIntegrationTest
@TestPropertySource(properties = "nopesight.demo=true")
class DemoEstateLoaderIntegrationTests {

	@Autowired
	DemoEstateLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	BetweenCmdbAndMetrics between;

	@Test
	void loadWhenTheDatabaseIsEmptyFillsItOnceWithEveryPartInOrder() {
		// given: loaded at start-up
		Map<String, Long> before = counts();
		// when
		this.loader.loadWhenEmpty();
		// then
		assertThat(counts()).as("a second load adds nothing").isEqualTo(before);
		assertThat(before).containsEntry("cis", 215L)
			.containsEntry("manual", 302L)
			.containsEntry("samples", 235_440L)
			.containsEntry("scans", 48L)
			.containsEntry("queued", 48L);
		assertThat(this.between.seen).as("a part ordered between core's CMDB and metric parts")
			.containsExactly("215 cis, 0 samples, CORE-SW-01 known");
		Instant today = this.clock.instant().truncatedTo(ChronoUnit.DAYS);
		assertThat(this.jdbc.sql("SELECT max(ts) FROM metric_sample").query(Instant.class).single())
			.as("the last hour of the demo's last day, moved to yesterday")
			.isEqualTo(today.minus(1, ChronoUnit.HOURS));
		assertThat(this.jdbc.sql("SELECT max(scanned_at) FROM discovery_scan").query(Instant.class).single())
			.isBefore(today)
			.isAfter(today.minus(1, ChronoUnit.DAYS));
	}

	private Map<String, Long> counts() {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT 'cis' AS what, count(*) AS n FROM configuration_item
				UNION ALL SELECT discovered_by, count(*) FROM relationship GROUP BY discovered_by
				UNION ALL SELECT 'samples', count(*) FROM metric_sample
				UNION ALL SELECT 'scans', count(*) FROM discovery_scan
				UNION ALL SELECT status, count(*) FROM work_item GROUP BY status
				""").query().listOfRows();
		return rows.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("what"), (row) -> ((Number) row.get("n")).longValue()));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Parts {

		@Bean
		BetweenCmdbAndMetrics betweenCmdbAndMetrics(JdbcClient jdbc) {
			return new BetweenCmdbAndMetrics(jdbc);
		}

	}

	/**
	 * A module's part as a feature module would declare one, recording what it found loaded before it.
	 */
	static class BetweenCmdbAndMetrics implements DemoEstatePart {

		final List<String> seen = new CopyOnWriteArrayList<>();

		private final JdbcClient jdbc;

		BetweenCmdbAndMetrics(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int getOrder() {
			return CMDB + 50;
		}

		@Override
		public String load(DemoEstate estate) {
			long cis = this.jdbc.sql("SELECT count(*) FROM configuration_item").query(Long.class).single();
			long samples = this.jdbc.sql("SELECT count(*) FROM metric_sample").query(Long.class).single();
			this.seen.add(cis + " cis, " + samples + " samples, CORE-SW-01 "
					+ (estate.ciId("CORE-SW-01").startsWith("ci_") ? "known" : "unknown"));
			return "nothing";
		}

	}

}
