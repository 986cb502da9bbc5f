package io.nopesight.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report rows and their files' pieces.
 */
@Repository
class JdbcReportRepository {

	private static final String COLUMNS = """
			id, template_id, template_name, category, format, parameters::text AS parameters, time_zone, as_of, status,
			created_by, shared, delivery_method, skip_if_empty, schedule_id, scheduled_for, created_at,
			estimated_completion, started_at, completed_at, expires_at, pages, row_count, empty, size_bytes, file_name,
			error""";

	private static final String INSERT = """
			INSERT INTO report (id, template_id, template_name, category, format, parameters, time_zone, as_of, status,
			                    created_by, shared, delivery_method, skip_if_empty, schedule_id, scheduled_for, created_at,
			                    estimated_completion)
			VALUES (:id, :templateId, :templateName, :category, :format, CAST(:parameters AS jsonb), :zone, :asOf,
			        'generating', :createdBy, :shared, :deliveryMethod, :skipIfEmpty, :scheduleId, :scheduledFor,
			        :createdAt, :estimatedCompletion)
			""";

	private static final String FIND = "SELECT " + COLUMNS + " FROM report WHERE id = :id";

	// the viewer's own reports, and with includeShared those others shared (all of them, for an admin)
	private static final String FILTERS = """
			 WHERE (created_by = :viewer OR (:includeShared AND (shared OR :admin)))
			   AND (CAST(:category AS text) IS NULL OR category = :category)
			   AND (CAST(:createdBy AS text) IS NULL OR created_by = :createdBy)
			""";

	private static final String LIST = "SELECT " + COLUMNS + " FROM report" + FILTERS
			+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";

	private static final String COUNT = "SELECT count(*) FROM report" + FILTERS;

	// the typical render of the template over its last 20, for the estimate
	private static final String TYPICAL_MILLIS = """
			SELECT avg(extract(epoch FROM completed_at - started_at) * 1000) FROM (
			    SELECT started_at, completed_at FROM report
			    WHERE template_id = :templateId AND started_at IS NOT NULL AND completed_at IS NOT NULL
			    ORDER BY completed_at DESC LIMIT 20) recent
			""";

	private static final String GENERATING = "SELECT count(*) FROM report WHERE status = 'generating'";

	private static final String STARTED = """
			UPDATE report SET started_at = :at WHERE id = :id AND status = 'generating'
			""";

	private static final String COMPLETE = """
			UPDATE report SET status = 'completed', completed_at = :at, expires_at = :expiresAt, pages = :pages,
			       row_count = :rows, empty = :empty, size_bytes = :size, file_name = :fileName
			WHERE id = :id AND status = 'generating'
			""";

	private static final String FAIL = """
			UPDATE report SET status = 'failed', completed_at = :at, error = :error
			WHERE id = :id AND status = 'generating'
			""";

	private static final String EXPIRE = """
			UPDATE report SET status = 'expired'
			WHERE id IN (SELECT id FROM report WHERE status = 'completed' AND expires_at <= :now
			             ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
			RETURNING id
			""";

	private static final String INSERT_PIECE = """
			INSERT INTO report_content (report_id, piece, data) VALUES (:id, :piece, :data)
			""";

	private static final String PIECE = "SELECT data FROM report_content WHERE report_id = :id AND piece = :piece";

	private static final String DELETE_PIECES = "DELETE FROM report_content WHERE report_id = ANY(:ids)";

	private static final RowMapper<StoredReport> REPORT = JdbcReportRepository::map;

	private final JdbcClient jdbc;

	JdbcReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredReport report) {
		this.jdbc.sql(INSERT)
			.param("id", report.id())
			.param("templateId", report.templateId())
			.param("templateName", report.templateName())
			.param("category", report.category())
			.param("format", report.format().key())
			.param("parameters", ReportJson.write(report.parameters()))
			.param("zone", report.zone().getId())
			.param("asOf", timestamp(report.asOf()))
			.param("createdBy", report.createdBy())
			.param("shared", report.shared())
			.param("deliveryMethod", report.deliveryMethod())
			.param("skipIfEmpty", report.skipIfEmpty())
			.param("scheduleId", report.scheduleId())
			.param("scheduledFor", timestamp(report.scheduledFor()))
			.param("createdAt", timestamp(report.createdAt()))
			.param("estimatedCompletion", timestamp(report.estimatedCompletion()))
			.update();
	}

	Optional<StoredReport> find(String id) {
		return this.jdbc.sql(FIND).param("id", id).query(REPORT).optional();
	}

	List<StoredReport> list(ReportQuery query) {
		return filtered(LIST, query).param("limit", query.limit())
			.param("offset", (long) (query.page() - 1) * query.limit())
			.query(REPORT)
			.list();
	}

	long count(ReportQuery query) {
		return filtered(COUNT, query).query(Long.class).single();
	}

	Optional<Duration> typicalDuration(String templateId) {
		return this.jdbc.sql(TYPICAL_MILLIS)
			.param("templateId", templateId)
			.query(Double.class)
			.optional()
			.map((millis) -> Duration.ofMillis(Math.round(millis)));
	}

	long generating() {
		return this.jdbc.sql(GENERATING).query(Long.class).single();
	}

	void started(String id, Instant at) {
		this.jdbc.sql(STARTED).param("id", id).param("at", timestamp(at)).update();
	}

	/**
	 * Marks a generating report completed; false when it was not generating (another run finished it).
	 */
	boolean complete(String id, Instant at, Instant expiresAt, ReportRendering.RenderedReport rendered, long size,
			String fileName) {
		return this.jdbc.sql(COMPLETE)
			.param("id", id)
			.param("at", timestamp(at))
			.param("expiresAt", timestamp(expiresAt))
			.param("pages", rendered.pages())
			.param("rows", rendered.rows())
			.param("empty", rendered.empty())
			.param("size", size)
			.param("fileName", fileName)
			.update() == 1;
	}

	boolean fail(String id, Instant at, String error) {
		return this.jdbc.sql(FAIL).param("id", id).param("at", timestamp(at)).param("error", error).update() == 1;
	}

	/**
	 * Marks up to {@code limit} reports past their expiry expired and answers their ids.
	 */
	List<String> expire(Instant now, int limit) {
		return this.jdbc.sql(EXPIRE).param("now", timestamp(now)).param("limit", limit).query(String.class).list();
	}

	void insertPiece(String id, int piece, byte[] data) {
		this.jdbc.sql(INSERT_PIECE).param("id", id).param("piece", piece).param("data", data).update();
	}

	Optional<byte[]> piece(String id, int piece) {
		return this.jdbc.sql(PIECE).param("id", id).param("piece", piece).query(byte[].class).optional();
	}

	void deletePieces(List<String> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql(DELETE_PIECES).param("ids", ids.toArray(String[]::new)).update();
		}
	}

	private JdbcClient.StatementSpec filtered(String sql, ReportQuery query) {
		return this.jdbc.sql(sql)
			.param("viewer", query.viewer().owner())
			.param("admin", query.viewer().admin())
			.param("includeShared", query.includeShared())
			.param("category", query.category())
			.param("createdBy", query.createdBy());
	}

	private static StoredReport map(ResultSet rs, int row) throws SQLException {
		return new StoredReport(rs.getString("id"), rs.getString("template_id"), rs.getString("template_name"),
				rs.getString("category"), ReportFormat.of(rs.getString("format")).orElseThrow(),
				ReportJson.read(rs.getString("parameters")), ZoneId.of(rs.getString("time_zone")),
				rs.getTimestamp("as_of").toInstant(), ReportStatus.fromValue(rs.getString("status")).orElseThrow(),
				rs.getString("created_by"), rs.getBoolean("shared"), rs.getString("delivery_method"),
				rs.getBoolean("skip_if_empty"), rs.getString("schedule_id"), instant(rs.getTimestamp("scheduled_for")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("estimated_completion").toInstant(),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("completed_at")),
				instant(rs.getTimestamp("expires_at")), rs.getObject("pages", Integer.class),
				rs.getObject("row_count", Long.class), rs.getObject("empty", Boolean.class),
				rs.getObject("size_bytes", Long.class), rs.getString("file_name"), rs.getString("error"));
	}

	static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
