package io.nopesight.reporting;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.nopesight.reporting.JdbcReportRepository.instant;
import static io.nopesight.reporting.JdbcReportRepository.timestamp;

/**
 * The report schedules. A due schedule is claimed with {@code FOR UPDATE SKIP LOCKED}, so when two nodes look
 * at once each due run is taken by one of them.
 */
@Repository
class JdbcScheduleRepository {

	private static final String COLUMNS = """
			id, name, template_id, parameters::text AS parameters, format, cron, frequency, at_time, day_of_week,
			day_of_month, time_zone, delivery_method, recipients, skip_if_empty, shared, enabled, created_by,
			created_at, updated_at, next_run_at, last_run_at, last_report_id, last_error""";

	private static final String INSERT = """
			INSERT INTO report_schedule (id, name, template_id, parameters, format, cron, frequency, at_time, day_of_week,
			                             day_of_month, time_zone, delivery_method, recipients, skip_if_empty, shared,
			                             enabled, created_by, created_at, updated_at, next_run_at)
			VALUES (:id, :name, :templateId, CAST(:parameters AS jsonb), :format, :cron, :frequency, :atTime, :dayOfWeek,
			        :dayOfMonth, :zone, :deliveryMethod, :recipients, :skipIfEmpty, :shared, :enabled, :createdBy,
			        :createdAt, :updatedAt, :nextRunAt)
			""";

	private static final String UPDATE = """
			UPDATE report_schedule SET name = :name, template_id = :templateId, parameters = CAST(:parameters AS jsonb),
			       format = :format, cron = :cron, frequency = :frequency, at_time = :atTime, day_of_week = :dayOfWeek,
			       day_of_month = :dayOfMonth, time_zone = :zone, delivery_method = :deliveryMethod,
			       recipients = :recipients, skip_if_empty = :skipIfEmpty, shared = :shared, enabled = :enabled,
			       updated_at = :updatedAt, next_run_at = :nextRunAt
			WHERE id = :id
			""";

	private static final String FIND = "SELECT " + COLUMNS + " FROM report_schedule WHERE id = :id";

	private static final String NAME = "SELECT name FROM report_schedule WHERE id = :id";

	private static final String FILTERS = """
			 WHERE (created_by = :viewer OR :admin)
			   AND (CAST(:templateId AS text) IS NULL OR template_id = :templateId)
			   AND (CAST(:createdBy AS text) IS NULL OR created_by = :createdBy)
			""";

	private static final String LIST = "SELECT " + COLUMNS + " FROM report_schedule" + FILTERS
			+ " ORDER BY created_at, id LIMIT :limit OFFSET :offset";

	private static final String COUNT = "SELECT count(*) FROM report_schedule" + FILTERS;

	private static final String DELETE = "DELETE FROM report_schedule WHERE id = :id";

	private static final String CLAIM_DUE = "SELECT " + COLUMNS + """
			 FROM report_schedule WHERE enabled AND next_run_at <= :now
			ORDER BY next_run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
			""";

	private static final String RAN = """
			UPDATE report_schedule SET next_run_at = :nextRunAt, last_run_at = :at,
			       last_report_id = coalesce(:reportId, last_report_id), last_error = :error
			WHERE id = :id
			""";

	private static final RowMapper<StoredSchedule> SCHEDULE = JdbcScheduleRepository::map;

	private final JdbcClient jdbc;

	JdbcScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredSchedule schedule) {
		bind(this.jdbc.sql(INSERT), schedule).param("createdBy", schedule.createdBy())
			.param("createdAt", timestamp(schedule.createdAt()))
			.update();
	}

	void update(StoredSchedule schedule) {
		bind(this.jdbc.sql(UPDATE), schedule).update();
	}

	Optional<StoredSchedule> find(String id) {
		return this.jdbc.sql(FIND).param("id", id).query(SCHEDULE).optional();
	}

	Optional<String> name(String id) {
		return this.jdbc.sql(NAME).param("id", id).query(String.class).optional();
	}

	List<StoredSchedule> list(ScheduleQuery query) {
		return filtered(LIST, query).param("limit", query.limit())
			.param("offset", (long) (query.page() - 1) * query.limit())
			.query(SCHEDULE)
			.list();
	}

	long count(ScheduleQuery query) {
		return filtered(COUNT, query).query(Long.class).single();
	}

	void delete(String id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	/**
	 * The enabled schedule that has been due longest, locked until the caller's transaction ends; one another
	 * transaction holds is passed over.
	 */
	Optional<StoredSchedule> claimDue(Instant now) {
		return this.jdbc.sql(CLAIM_DUE).param("now", timestamp(now)).query(SCHEDULE).optional();
	}

	void ran(String id, Instant at, @Nullable Instant nextRunAt, @Nullable String reportId, @Nullable String error) {
		this.jdbc.sql(RAN)
			.param("id", id)
			.param("at", timestamp(at))
			.param("nextRunAt", timestamp(nextRunAt))
			.param("reportId", reportId)
			.param("error", error)
			.update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, StoredSchedule schedule) {
		SchedulePeriod period = schedule.period();
		return statement.param("id", schedule.id())
			.param("name", schedule.name())
			.param("templateId", schedule.templateId())
			.param("parameters", ReportJson.write(schedule.parameters()))
			.param("format", schedule.format().key())
			.param("cron", schedule.cron())
			.param("frequency", (period != null) ? period.frequency() : null)
			.param("atTime", (period != null) ? period.time() : null)
			.param("dayOfWeek", (period != null) ? period.dayOfWeek() : null)
			.param("dayOfMonth", (period != null) ? period.dayOfMonth() : null)
			.param("zone", schedule.zone().getId())
			.param("deliveryMethod", schedule.deliveryMethod())
			.param("recipients", schedule.recipients().toArray(String[]::new))
			.param("skipIfEmpty", schedule.skipIfEmpty())
			.param("shared", schedule.shared())
			.param("enabled", schedule.enabled())
			.param("updatedAt", timestamp(schedule.updatedAt()))
			.param("nextRunAt", timestamp(schedule.nextRunAt()));
	}

	private JdbcClient.StatementSpec filtered(String sql, ScheduleQuery query) {
		return this.jdbc.sql(sql)
			.param("viewer", query.viewer().owner())
			.param("admin", query.viewer().admin())
			.param("templateId", query.templateId())
			.param("createdBy", query.createdBy());
	}

	private static StoredSchedule map(ResultSet rs, int row) throws SQLException {
		String frequency = rs.getString("frequency");
		SchedulePeriod period = (frequency != null) ? new SchedulePeriod(frequency, rs.getString("at_time"),
				rs.getString("day_of_week"), rs.getObject("day_of_month", Integer.class)) : null;
		return new StoredSchedule(rs.getString("id"), rs.getString("name"), rs.getString("template_id"),
				ReportJson.read(rs.getString("parameters")), ReportFormat.of(rs.getString("format")).orElseThrow(),
				rs.getString("cron"), period, ZoneId.of(rs.getString("time_zone")), rs.getString("delivery_method"),
				strings(rs.getArray("recipients")), rs.getBoolean("skip_if_empty"), rs.getBoolean("shared"),
				rs.getBoolean("enabled"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), instant(rs.getTimestamp("next_run_at")),
				instant(rs.getTimestamp("last_run_at")), rs.getString("last_report_id"), rs.getString("last_error"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
