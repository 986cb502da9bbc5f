package io.nopesight.core.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;


import io.nopesight.core.CoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nopesight.demo=true} on an empty database: the whole demo estate is there once the application is
 * ready, with metrics up to now and the dependencies inferred from its connections; a second load adds nothing.
 */
@CoreIntegrationTest
@TestPropertySource(properties = "nopesight.demo=true")
class DemoEstateLoaderIntegrationTests {

	@Autowired
	DemoEstateLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadWhenTheDatabaseIsEmptyFillsItOnceWithCisMetricsAndInferredDependencies() {
		// given: loaded at start-up
		DemoEstate estate = DemoEstate.generate(42);
		long servers = estate.items().stream().filter((item) -> item.type().equals("server")).count();
		Set<String> serverPairs = estate.connections(Instant.now(), 1)
			.stream()
			.map((c) -> c.client() + "->" + c.server())
			.collect(Collectors.toSet());
		Map<String, Long> before = counts();
		// when
		this.loader.loadWhenEmpty();
		// then
		assertThat(counts()).as("a second load adds nothing").isEqualTo(before);
		assertThat(before).containsEntry("cis", (long) estate.items().size())
			.containsEntry("manual", (long) estate.links().size())
			.containsEntry("ai_agent", (long) serverPairs.size())
			.containsEntry("samples", servers * 3 * 30 * 96);
		assertThat(this.jdbc.sql("""
				SELECT s.name || '->' || t.name FROM relationship r
				JOIN configuration_item s ON s.id = r.source_id JOIN configuration_item t ON t.id = r.target_id
				WHERE r.discovered_by = 'ai_agent' AND r.type = 'depends_on' AND r.confidence >= 0.8
				""").query(String.class).set()).isEqualTo(serverPairs);
		assertThat(this.jdbc.sql("SELECT max(observed_at) > now() - interval '2 hours' FROM process_connection")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("SELECT max(ts) > now() - interval '2 hours' FROM metric_sample")
			.query(Boolean.class)
			.single()).as("samples up to the last hour").isTrue();
	}

	private Map<String, Long> counts() {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT 'cis' AS what, count(*) AS n FROM configuration_item
				UNION ALL SELECT discovered_by, count(*) FROM relationship GROUP BY discovered_by
				UNION ALL SELECT 'samples', count(*) FROM metric_sample
				UNION ALL SELECT 'connections', count(*) FROM process_connection
				""").query().listOfRows();
		return rows.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("what"), (row) -> ((Number) row.get("n")).longValue()));
	}

}
