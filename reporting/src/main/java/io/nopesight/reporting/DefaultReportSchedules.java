package io.nopesight.reporting;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.NotFoundException;
import io.nopesight.core.Page;
import io.nopesight.reporting.ReportRequestCheck.CheckedReport;

/**
 * Schedules: checked as reports are, with their timing; stored with their next run. {@link DueScheduleRuns}
 * runs them when they are due.
 */
@Service
class DefaultReportSchedules implements ReportSchedules {

	private static final int MAX_NAME = 200;

	private static final int MAX_MISSED = 100_000;

	private final JdbcScheduleRepository schedules;

	private final ReportRequestCheck checks;

	private final ReportQueue queue;

	private final Clock clock;

	DefaultReportSchedules(JdbcScheduleRepository schedules, ReportRequestCheck checks, ReportQueue queue,
			Clock clock) {
		this.schedules = schedules;
		this.checks = checks;
		this.queue = queue;
		this.clock = clock;
	}

	@Override
	@Transactional
	public ScheduleView create(ScheduleRequest request, String owner) {
		Instant now = now();
		StoredSchedule schedule = checked(Ids.next("sch"), request, owner, now, now);
		this.schedules.insert(schedule);
		return this.schedules.find(schedule.id()).orElseThrow().view();
	}

	@Override
	public ScheduleView get(String scheduleId, ReportViewer viewer) {
		return visible(scheduleId, viewer).view();
	}

	@Override
	public Page<ScheduleView> list(ScheduleQuery query) {
		List<ScheduleView> views = this.schedules.list(query).stream().map(StoredSchedule::view).toList();
		return new Page<>(views, this.schedules.count(query), query.page(), query.limit());
	}

	@Override
	@Transactional
	public ScheduleView update(String scheduleId, ScheduleRequest request, ReportViewer viewer) {
		StoredSchedule stored = visible(scheduleId, viewer);
		StoredSchedule schedule = checked(scheduleId, request, stored.createdBy(), stored.createdAt(), now());
		this.schedules.update(schedule);
		return this.schedules.find(scheduleId).orElseThrow().view();
	}

	@Override
	@Transactional
	public void delete(String scheduleId, ReportViewer viewer) {
		visible(scheduleId, viewer);
		this.schedules.delete(scheduleId);
	}

	@Override
	@Transactional
	public ReportAccepted runNow(String scheduleId, ReportViewer viewer) {
		StoredSchedule schedule = visible(scheduleId, viewer);
		Instant now = now();
		CheckedReport checked = check(schedule, now);
		ReportAccepted accepted = this.queue.enqueue(checked, schedule.createdBy(), schedule.shared(), now,
				schedule.id(), null);
		this.schedules.ran(schedule.id(), now, schedule.nextRunAt(), accepted.reportId(), null);
		return accepted;
	}

	/**
	 * Queues the report of one due schedule, rendered as of the latest time it was due (a run missed while no
	 * node was up runs once, for the latest of the times it missed), and moves its next run past now.
	 * @return false when no schedule was due
	 */
	@Transactional
	public boolean runNextDue() {
		Instant now = now();
		StoredSchedule schedule = this.schedules.claimDue(now).orElse(null);
		if (schedule == null || schedule.nextRunAt() == null) {
			return false;
		}
		ScheduleTiming timing;
		try {
			timing = schedule.timing();
		}
		catch (IllegalStateException ex) {
			// stored before a change in what reads: it stops here, saying why, rather than block those due after it
			this.schedules.ran(schedule.id(), now, null, null, "stopped: " + ex.getMessage());
			return true;
		}
		Instant due = latestDue(timing, schedule.nextRunAt(), now);
		Instant next = timing.next(now).orElse(null);
		try {
			ReportAccepted accepted = this.queue.enqueue(check(schedule, due), schedule.createdBy(), schedule.shared(),
					now, schedule.id(), due);
			this.schedules.ran(schedule.id(), now, next, accepted.reportId(), null);
		}
		catch (InvalidInputException ex) {
			// the template changed under it, say: the schedule goes on and says why this run did not happen
			this.schedules.ran(schedule.id(), now, next, null, "not run: " + describe(ex));
		}
		return true;
	}

	// as the database keeps it, so what is answered is what is read back
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	// bounded: a schedule every second that missed a week has 600 000 times; past the bound the report is as of
	// the last time looked at, still in the past
	private static Instant latestDue(ScheduleTiming timing, Instant first, Instant now) {
		Instant due = first;
		for (int i = 0; i < MAX_MISSED; i++) {
			Instant next = timing.next(due).orElse(null);
			if (next == null || next.isAfter(now)) {
				break;
			}
			due = next;
		}
		return due;
	}

	private CheckedReport check(StoredSchedule schedule, Instant asOf) {
		return this.checks.check(schedule.templateId(), schedule.parameters(), schedule.format().key(),
				schedule.delivery(), schedule.zone().getId(), asOf, new ArrayList<>());
	}

	private StoredSchedule checked(String id, ScheduleRequest request, String owner, Instant createdAt, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		String name = name(request.name(), errors);
		ScheduleTiming timing = ScheduleTimingCheck.read(request.cron(), request.period(), zone(request.timeZone()),
				errors);
		Instant next = (timing != null) ? timing.next(now).orElse(null) : null;
		if (timing != null && next == null) {
			errors.add(new FieldError("cron", "cron '" + request.cron() + "' never runs"));
		}
		CheckedReport checked = this.checks.check(request.templateId(), request.parameters(), request.format(),
				request.delivery(), request.timeZone(), now, errors);
		return new StoredSchedule(id, name, checked.template().id(), checked.parameters(), checked.format(),
				timing.cron(), timing.period(), checked.zone(), checked.delivery().method(),
				checked.delivery().recipients(), checked.delivery().skipIfEmpty(), request.shared(), request.enabled(),
				owner, createdAt, now, request.enabled() ? next : null, null, null, null);
	}

	private static String name(@Nullable String name, List<FieldError> errors) {
		if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
			errors.add(new FieldError("name", "name is required, up to " + MAX_NAME + " characters"));
			return "";
		}
		return name.strip();
	}

	// the zone's own errors are the report check's to name; an unknown one reads the timing in UTC meanwhile
	private static ZoneId zone(@Nullable String timeZone) {
		try {
			return (timeZone != null && !timeZone.isBlank()) ? ZoneId.of(timeZone.strip()) : ReportRequestCheck.UTC;
		}
		catch (DateTimeException ex) {
			return ReportRequestCheck.UTC;
		}
	}

	private StoredSchedule visible(String scheduleId, ReportViewer viewer) {
		return this.schedules.find(scheduleId)
			.filter((schedule) -> schedule.visibleTo(viewer))
			.orElseThrow(() -> new ScheduleNotFoundException(scheduleId));
	}

	private static String describe(InvalidInputException ex) {
		return ex.errors().stream().map((e) -> e.field() + ": " + e.error()).reduce((a, b) -> a + "; " + b)
			.orElse(String.valueOf(ex.getMessage()));
	}

	/**
	 * No schedule of that id, or none the viewer may see.
	 */
	static class ScheduleNotFoundException extends NotFoundException {

		private static final long serialVersionUID = 1L;

		ScheduleNotFoundException(String scheduleId) {
			super("Report schedule " + scheduleId + " not found");
		}

	}

}
