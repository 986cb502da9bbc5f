package io.nopesight.core.metric;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V6 moves stored hourly roll-ups into day rows: the hours read back through the {@code metric_hourly}
 * view must be the ones stored before, and the day totals their sums.
 */
class MetricDailyMigrationTests {

	@Test
	void migrateWhenHourlyRollupsExistKeepsEveryHourAndAddsDayTotals() {
		// given: a schema at V5 with hourly roll-ups over two days and two series
		DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresForTests.freshSchemaUrl(),
				PostgresForTests.user(), "");
		Flyway.configure().dataSource(dataSource).target("5").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO configuration_item (id, name, type, status, created_at, updated_at)
				VALUES ('ci_0000aaaa', 'WEB-1', 'server', 'active', now(), now())
				""").update();
		jdbc.sql("INSERT INTO metric_series (ci_id, metric) VALUES ('ci_0000aaaa', 'cpu_usage'), ('ci_0000aaaa', 'disk_usage')")
			.update();
		jdbc.sql("SELECT metric_ensure_partitions(timestamptz '2026-10-31 00:00:00+00', timestamptz '2026-11-01 23:00:00+00')")
			.query(Integer.class)
			.single();
		jdbc.sql("""
				INSERT INTO metric_hourly (series_id, hour, count, min, max, sum, last_ts, last_value)
				SELECT s.id, h, 12, s.id + extract(hour FROM h AT TIME ZONE 'UTC'), s.id + extract(hour FROM h AT TIME ZONE 'UTC') + 5,
				       12 * (s.id + extract(hour FROM h AT TIME ZONE 'UTC') + 2),
				       h + interval '55 minutes', s.id + 3
				FROM metric_series s
				CROSS JOIN generate_series(timestamptz '2026-10-31 20:00:00+00', timestamptz '2026-11-01 03:00:00+00', interval '1 hour') h
				WHERE s.metric = 'cpu_usage' OR h < timestamptz '2026-11-01 00:00:00+00'
				""").update();
		List<Map<String, Object>> before = hours(jdbc);
		// when
		Flyway.configure().dataSource(dataSource).load().migrate();
		// then
		assertThat(before).hasSize(12);
		assertThat(hours(jdbc)).isEqualTo(before);
		assertThat(jdbc.sql("""
				SELECT string_agg(s.metric || ' ' || d.day || ' ' || d.count || ' ' || d.min || ' ' || d.max || ' ' || d.sum
				       || ' ' || d.last_value || ' ' || cardinality(d.hour_count), ', ' ORDER BY s.metric, d.day)
				FROM metric_daily d JOIN metric_series s ON s.id = d.series_id
				""").query(String.class).single())
			.isEqualTo("cpu_usage 2026-10-31 48 21 29 1176 4 24, cpu_usage 2026-11-01 48 1 9 216 4 24, "
					+ "disk_usage 2026-10-31 48 22 30 1224 5 24");
		assertThat(jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = to_regclass('metric_daily')")
			.query(Long.class).single()).isEqualTo(2);
	}

	private static List<Map<String, Object>> hours(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT series_id, hour, count, min, max, sum, last_ts, last_value FROM metric_hourly ORDER BY series_id, hour
				""").query().listOfRows();
	}

}
