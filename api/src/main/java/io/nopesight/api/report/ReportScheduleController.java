package io.nopesight.api.report;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.reporting.ReportSchedules;
import io.nopesight.reporting.ScheduleQuery;
import io.nopesight.reporting.ScheduleView;

/**
 * Report schedules: create, read, change, remove, and run one now.
 */
@Tag(name = "Report schedules")
@RestController
class ReportScheduleController {

	private static final String WHEN = "`cron` (5 fields, minute hour day-of-month month day-of-week, e.g. "
			+ "`0 8 * * MON-FRI`; or 6 with the seconds first) or `period` (`frequency` daily, weekly with "
			+ "`day_of_week`, monthly with `day_of_month`, 1-31, a shorter month on its last day; `time` HH:mm), "
			+ "one of the two, read in the wall-clock time of `time_zone` (default UTC): a time the clocks skip runs "
			+ "shifted by the gap (02:30 on the spring-forward night at 03:30), a repeated one once.";

	private final ReportSchedules schedules;

	ReportScheduleController(ReportSchedules schedules) {
		this.schedules = schedules;
	}

	@PostMapping("/v1/reports/schedules")
	@RequiredScope("reports.write")
	@Operation(summary = "Schedule a report",
			description = "`name`, the report as for `POST /v1/reports/generate` (`template_id`, `parameters`, "
					+ "`format`, `delivery`, `shared`), and when: " + WHEN + " Each run renders the report as of the "
					+ "time it was due, in the schedule owner's name. A run missed while no node was up runs once at "
					+ "the next start. `enabled: false` keeps it without running it.")
	ResponseEntity<ScheduleResponse> create(@RequestBody(required = false) @Nullable ScheduleBody body) {
		ScheduleView created = this.schedules.create(required(body).toRequest(), CurrentPrincipal.owner());
		return ResponseEntity.created(URI.create("/v1/reports/schedules/" + created.id()))
			.body(ScheduleResponse.from(created));
	}

	@GetMapping("/v1/reports/schedules")
	@RequiredScope("reports.read")
	@Operation(summary = "List your report schedules, oldest first",
			description = "An admin sees everyone's. `template_id` and `created_by` narrow the list.")
	ResponseEntity<PageResponse<ScheduleResponse>> list(
			@RequestParam(name = "template_id", required = false) @Nullable String templateId,
			@RequestParam(name = "created_by", required = false) @Nullable String createdBy,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		ScheduleQuery query = new ScheduleQuery(ReportController.viewer(), blankToNull(templateId),
				blankToNull(createdBy), page, limit);
		return PageResponse.of(this.schedules.list(query), ScheduleResponse::from);
	}

	@GetMapping("/v1/reports/schedules/{id}")
	@RequiredScope("reports.read")
	@Operation(summary = "One report schedule, with its next run and how its last went")
	ScheduleResponse get(@PathVariable String id) {
		return ScheduleResponse.from(this.schedules.get(id, ReportController.viewer()));
	}

	@PutMapping("/v1/reports/schedules/{id}")
	@RequiredScope("reports.write")
	@Operation(summary = "Replace a report schedule",
			description = "The body replaces the whole definition, as `POST` takes it; the next run is worked out "
					+ "again from now.")
	ScheduleResponse update(@PathVariable String id, @RequestBody(required = false) @Nullable ScheduleBody body) {
		return ScheduleResponse
			.from(this.schedules.update(id, required(body).toRequest(), ReportController.viewer()));
	}

	@DeleteMapping("/v1/reports/schedules/{id}")
	@RequiredScope("reports.write")
	@Operation(summary = "Delete a report schedule", description = "The reports it produced stay until they expire.")
	Map<String, String> delete(@PathVariable String id) {
		this.schedules.delete(id, ReportController.viewer());
		return Map.of("message", "Report schedule deleted successfully");
	}

	@PostMapping("/v1/reports/schedules/{id}/run")
	@RequiredScope("reports.write")
	@Operation(summary = "Run a report schedule now",
			description = "Queues its report at once, answered as `POST /v1/reports/generate` is; the next scheduled "
					+ "run stays where it is.")
	ResponseEntity<ReportAcceptedResponse> run(@PathVariable String id) {
		return ReportController.accepted(this.schedules.runNow(id, ReportController.viewer()));
	}

	private static ScheduleBody required(@Nullable ScheduleBody body) {
		if (body == null) {
			throw new InvalidInputException("body", "a JSON body is required, e.g. {\"name\": \"Weekly inventory\", "
					+ "\"template_id\": \"tpl_inventory\", \"period\": {\"frequency\": \"weekly\", \"day_of_week\": "
					+ "\"monday\", \"time\": \"08:00\"}}");
		}
		return body;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

}
