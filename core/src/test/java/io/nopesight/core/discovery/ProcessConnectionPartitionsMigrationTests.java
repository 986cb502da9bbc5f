package io.nopesight.core.discovery;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 moves the stored process connections into daily partitions: every row must be there after, in the
 * partition of its UTC day, and the table must take new rows and conflicts as before.
 */
class ProcessConnectionPartitionsMigrationTests {

	private static final String ROWS = """
			SELECT string_agg(ci_id || ' ' || process_name || ' ' || remote_ip || ':' || remote_port || ' '
			                  || to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || scan_id,
			                  ', ' ORDER BY observed_at, remote_port)
			FROM process_connection
			""";

	@Test
	void migrateWhenConnectionsExistKeepsEveryRowInItsDaysPartition() {
		// given: a schema at V10 with connections over two UTC days
		DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresForTests.freshSchemaUrl(),
				PostgresForTests.user(), "");
		Flyway.configure().dataSource(dataSource).target("10").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO configuration_item (id, name, type, status, created_at, updated_at)
				VALUES ('ci_0000bbbb', 'APP-1', 'server', 'active', now(), now())
				""").update();
		jdbc.sql("""
				INSERT INTO process_connection (ci_id, process_name, pid, local_ip, local_port, remote_ip, remote_port,
				                                protocol, state, observed_at, scan_id)
				VALUES ('ci_0000bbbb', 'java', 10, '10.0.0.1', 50001, '10.0.0.2', 5432, 'TCP', 'ESTABLISHED',
				        '2026-10-31 23:30:00+00', 'scan_a'),
				       ('ci_0000bbbb', 'java', 10, '10.0.0.1', 50002, '10.0.0.3', 6379, 'TCP', 'ESTABLISHED',
				        '2026-11-01 00:30:00+00', 'scan_b')
				""").update();
		String before = jdbc.sql(ROWS).query(String.class).single();
		// when
		Flyway.configure().dataSource(dataSource).load().migrate();
		// then
		assertThat(jdbc.sql(ROWS).query(String.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("""
				SELECT c.relname || '=' || (SELECT count(*) FROM process_connection p WHERE p.tableoid = c.oid)
				FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = to_regclass('process_connection') ORDER BY 1
				""").query(String.class).list())
			.isEqualTo(List.of("process_connection_20261031=1", "process_connection_20261101=1"));
		assertThat(jdbc.sql("SELECT to_regclass('process_connection_v10') IS NULL").query(Boolean.class).single())
			.isTrue();
		assertThat(jdbc.sql("""
				INSERT INTO process_connection (ci_id, process_name, pid, local_ip, local_port, remote_ip, remote_port,
				                                protocol, state, observed_at, scan_id)
				VALUES ('ci_0000bbbb', 'java', 10, '10.0.0.1', 50001, '10.0.0.2', 5432, 'TCP', 'ESTABLISHED',
				        '2026-10-31 23:30:00+00', 'scan_c')
				ON CONFLICT DO NOTHING
				""").update()).as("the same sighting again").isZero();
	}

}
