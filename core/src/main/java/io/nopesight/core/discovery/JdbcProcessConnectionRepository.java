package io.nopesight.core.discovery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProcessConnectionRepository {

	private static final String INSERT_CONNECTION = """
			INSERT INTO process_connection (ci_id, process_name, pid, local_ip, local_port, remote_ip, remote_port,
			                                protocol, state, observed_at, scan_id)
			VALUES (:ciId, :processName, :pid, :localIp, :localPort, :remoteIp, :remotePort, :protocol, :state,
			        :observedAt, :scanId)
			ON CONFLICT DO NOTHING
			""";

	private static final String UPSERT_LISTENING = """
			INSERT INTO listening_process (ci_id, port, protocol, process_name, pid, description, observed_at)
			VALUES (:ciId, :port, :protocol, :processName, :pid, :description, :observedAt)
			ON CONFLICT (ci_id, port, protocol) DO UPDATE
			SET process_name = excluded.process_name, pid = excluded.pid, description = excluded.description,
			    observed_at = excluded.observed_at
			WHERE listening_process.observed_at <= excluded.observed_at
			""";

	// the service port of a connection: the local one when the host listens on it, else the lower one
	private static final String GROUPS = """
			SELECT c.process_name, c.remote_ip, count(*) AS n,
			       array_agg(DISTINCT CASE WHEN l.port IS NOT NULL OR c.local_port < c.remote_port
			                               THEN c.local_port ELSE c.remote_port END) AS ports,
			       min(c.observed_at) AS first_seen, max(c.observed_at) AS last_seen
			FROM process_connection c
			LEFT JOIN listening_process l ON l.ci_id = c.ci_id AND l.port = c.local_port AND l.protocol = c.protocol
			WHERE c.ci_id = :ciId
			GROUP BY c.process_name, c.remote_ip
			ORDER BY c.process_name, c.remote_ip
			""";

	private static final String LISTENING = """
			SELECT process_name, pid, port, protocol, description FROM listening_process
			WHERE ci_id = :ciId AND port = :port ORDER BY protocol LIMIT 1
			""";

	// what the host's own agent saw, and what other agents saw towards its addresses (through the remote_ip
	// index of V9): every observation of an edge that has the host at one end
	private static final String INVOLVING = """
			SELECT c.ci_id, c.process_name, c.local_ip, c.local_port, c.remote_ip, c.remote_port, c.protocol,
			       c.observed_at, l.process_name AS local_listener
			FROM (SELECT * FROM process_connection WHERE ci_id = :ciId
			      UNION ALL
			      SELECT * FROM process_connection
			      WHERE remote_ip = ANY(ARRAY(SELECT unnest(ip_addresses) FROM configuration_item WHERE id = :ciId))
			        AND ci_id <> :ciId) c
			LEFT JOIN listening_process l ON l.ci_id = c.ci_id AND l.port = c.local_port AND l.protocol = c.protocol
			ORDER BY c.ci_id, c.observed_at
			""";

	private static final String ENSURE_PARTITIONS = "SELECT process_connection_ensure_partitions(CAST(:days AS date[]))";

	private static final String DROP_PARTITIONS = "SELECT process_connection_drop_partitions(:cutoff)";

	private static final String LISTENERS = """
			SELECT ci_id, port, protocol, process_name FROM listening_process WHERE ci_id = ANY(:ciIds)
			ORDER BY ci_id, port, protocol
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	JdbcProcessConnectionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insertConnections(String scanId, String ciId, List<ObservedConnection> connections) {
		if (connections.isEmpty()) {
			return;
		}
		this.batch.batchUpdate(INSERT_CONNECTION, connections.stream()
			.map((c) -> new MapSqlParameterSource().addValue("ciId", ciId)
				.addValue("processName", c.processName())
				.addValue("pid", c.pid())
				.addValue("localIp", c.localIp())
				.addValue("localPort", c.localPort())
				.addValue("remoteIp", c.remoteIp())
				.addValue("remotePort", c.remotePort())
				.addValue("protocol", c.protocol())
				.addValue("state", c.state())
				.addValue("observedAt", Timestamp.from(c.observedAt()))
				.addValue("scanId", scanId))
			.toArray(SqlParameterSource[]::new));
	}

	void upsertListening(String ciId, List<ListeningPort> ports, Instant observedAt) {
		if (ports.isEmpty()) {
			return;
		}
		this.batch.batchUpdate(UPSERT_LISTENING, ports.stream()
			.map((p) -> new MapSqlParameterSource().addValue("ciId", ciId)
				.addValue("port", p.port())
				.addValue("protocol", p.protocol())
				.addValue("processName", p.processName())
				.addValue("pid", p.pid())
				.addValue("description", p.description())
				.addValue("observedAt", Timestamp.from(observedAt)))
			.toArray(SqlParameterSource[]::new));
	}

	void ensurePartitions(Collection<LocalDate> days) {
		this.jdbc.sql(ENSURE_PARTITIONS)
			.param("days", days.stream().map(LocalDate::toString).toArray(String[]::new))
			.query(Integer.class)
			.single();
	}

	List<String> dropPartitionsBefore(Instant cutoff) {
		return this.jdbc.sql(DROP_PARTITIONS).param("cutoff", Timestamp.from(cutoff)).query(String.class).list();
	}

	List<GroupRow> groups(String ciId) {
		return this.jdbc.sql(GROUPS)
			.param("ciId", ciId)
			.query((rs, n) -> new GroupRow(rs.getString("process_name"), rs.getString("remote_ip"), rs.getInt("n"),
					Arrays.stream((Integer[]) rs.getArray("ports").getArray()).sorted().toList(),
					rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant()))
			.list();
	}

	Optional<ListeningPort> listening(String ciId, int port) {
		return this.jdbc.sql(LISTENING)
			.param("ciId", ciId)
			.param("port", port)
			.query((rs, n) -> new ListeningPort(rs.getString("process_name"), (Integer) rs.getObject("pid"),
					rs.getInt("port"), rs.getString("protocol"), rs.getString("description")))
			.optional();
	}

	List<ConnectionRow> involving(String ciId) {
		return this.jdbc.sql(INVOLVING)
			.param("ciId", ciId)
			.query((rs, n) -> new ConnectionRow(rs.getString("ci_id"), rs.getString("process_name"),
					rs.getString("local_ip"), rs.getInt("local_port"), rs.getString("remote_ip"),
					rs.getInt("remote_port"), rs.getString("protocol"), rs.getTimestamp("observed_at").toInstant(),
					rs.getString("local_listener")))
			.list();
	}

	List<ListenerRow> listeners(Collection<String> ciIds) {
		return this.jdbc.sql(LISTENERS)
			.param("ciIds", ciIds.toArray(String[]::new))
			.query((rs, n) -> new ListenerRow(rs.getString("ci_id"), rs.getInt("port"), rs.getString("protocol"),
					rs.getString("process_name")))
			.list();
	}

	record GroupRow(String processName, String remoteIp, int count, List<Integer> ports, Instant firstSeen,
			Instant lastSeen) {
	}

	record ConnectionRow(String ciId, String processName, String localIp, int localPort, String remoteIp,
			int remotePort, String protocol, Instant observedAt, @Nullable String localListener) {
	}

	record ListenerRow(String ciId, int port, String protocol, String processName) {
	}

}
