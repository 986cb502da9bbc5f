package io.nopesight.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nopesight.core.Ids;

import static io.nopesight.reporting.JdbcReportRepository.instant;
import static io.nopesight.reporting.JdbcReportRepository.timestamp;

/**
 * Each recipient's delivery of a report. A node claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and
 * moves their next attempt a lease ahead, so a node that dies while sending leaves them due again later.
 */
@Repository
class JdbcDeliveryRepository {

	private static final String INSERT = """
			INSERT INTO report_delivery (id, report_id, recipient, status) VALUES (:id, :reportId, :recipient, 'pending')
			""";

	private static final String OF_REPORT = """
			SELECT recipient, status, mode, attempts, last_attempt_at, next_attempt_at, sent_at, error
			FROM report_delivery WHERE report_id = :reportId ORDER BY recipient
			""";

	private static final String OF_REPORTS = """
			SELECT report_id, recipient, status, mode, attempts, last_attempt_at, next_attempt_at, sent_at, error
			FROM report_delivery WHERE report_id = ANY(:reportIds) ORDER BY report_id, recipient
			""";

	private static final String DUE = """
			UPDATE report_delivery SET next_attempt_at = :now
			WHERE report_id = :reportId AND status = 'pending'
			""";

	private static final String SKIP = """
			UPDATE report_delivery SET status = 'skipped', next_attempt_at = NULL
			WHERE report_id = :reportId AND status = 'pending'
			""";

	private static final String GIVE_UP = """
			UPDATE report_delivery SET status = 'failed', next_attempt_at = NULL, error = :error
			WHERE report_id = ANY(:reportIds) AND status = 'pending'
			""";

	private static final String CLAIM = """
			UPDATE report_delivery d SET next_attempt_at = :leaseUntil, last_attempt_at = :now, attempts = attempts + 1
			FROM (SELECT id FROM report_delivery
			      WHERE status = 'pending' AND next_attempt_at <= :now
			      ORDER BY next_attempt_at, id LIMIT :limit
			      FOR UPDATE SKIP LOCKED) due
			WHERE d.id = due.id
			RETURNING d.id, d.report_id, d.recipient, d.attempts
			""";

	private static final String SENT = """
			UPDATE report_delivery SET status = 'sent', mode = :mode, sent_at = :at, next_attempt_at = NULL, error = NULL
			WHERE id = :id AND status = 'pending'
			""";

	private static final String RETRY = """
			UPDATE report_delivery SET next_attempt_at = :next, error = :error WHERE id = :id AND status = 'pending'
			""";

	private static final String FAILED = """
			UPDATE report_delivery SET status = 'failed', next_attempt_at = NULL, error = :error
			WHERE id = :id AND status = 'pending'
			""";

	private static final RowMapper<DeliveryView> VIEW = (rs, n) -> new DeliveryView(rs.getString("recipient"),
			rs.getString("status"), rs.getString("mode"), rs.getInt("attempts"), instant(rs.getTimestamp("last_attempt_at")),
			instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")), rs.getString("error"));

	private final JdbcClient jdbc;

	JdbcDeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String reportId, List<String> recipients) {
		for (String recipient : recipients) {
			this.jdbc.sql(INSERT)
				.param("id", Ids.next("dlv"))
				.param("reportId", reportId)
				.param("recipient", recipient)
				.update();
		}
	}

	List<DeliveryView> ofReport(String reportId) {
		return this.jdbc.sql(OF_REPORT).param("reportId", reportId).query(VIEW).list();
	}

	Map<String, List<DeliveryView>> ofReports(List<String> reportIds) {
		Map<String, List<DeliveryView>> byReport = new HashMap<>();
		if (!reportIds.isEmpty()) {
			this.jdbc.sql(OF_REPORTS).param("reportIds", reportIds.toArray(String[]::new)).query((rs) -> {
				byReport.computeIfAbsent(rs.getString("report_id"), (id) -> new ArrayList<>())
					.add(VIEW.mapRow(rs, 0));
			});
		}
		return byReport;
	}

	int due(String reportId, Instant now) {
		return this.jdbc.sql(DUE).param("reportId", reportId).param("now", timestamp(now)).update();
	}

	void skip(String reportId) {
		this.jdbc.sql(SKIP).param("reportId", reportId).update();
	}

	void giveUp(List<String> reportIds, String error) {
		if (!reportIds.isEmpty()) {
			this.jdbc.sql(GIVE_UP).param("reportIds", reportIds.toArray(String[]::new)).param("error", error).update();
		}
	}

	List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql(CLAIM)
			.param("now", timestamp(now))
			.param("leaseUntil", timestamp(leaseUntil))
			.param("limit", limit)
			.query((rs, n) -> new Claimed(rs.getString("id"), rs.getString("report_id"), rs.getString("recipient"),
					rs.getInt("attempts")))
			.list();
	}

	void sent(String id, String mode, Instant at) {
		this.jdbc.sql(SENT).param("id", id).param("mode", mode).param("at", timestamp(at)).update();
	}

	void retry(String id, Instant next, String error) {
		this.jdbc.sql(RETRY).param("id", id).param("next", timestamp(next)).param("error", error).update();
	}

	void failed(String id, String error) {
		this.jdbc.sql(FAILED).param("id", id).param("error", error).update();
	}

	/**
	 * A delivery this node has just claimed, and how many attempts (this one included) it has had.
	 */
	record Claimed(String id, String reportId, String recipient, int attempts) {
	}

}
