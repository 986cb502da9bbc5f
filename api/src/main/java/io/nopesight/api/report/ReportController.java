package io.nopesight.api.report;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.report.TemplateResponse.TemplateList;
import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.access.Principal;
import io.nopesight.reporting.ReportAccepted;
import io.nopesight.reporting.ReportFile;
import io.nopesight.reporting.ReportQuery;
import io.nopesight.reporting.ReportTemplates;
import io.nopesight.reporting.ReportViewer;
import io.nopesight.reporting.Reports;

/**
 * Reports: generated in the background, their status, their file, the list, and the templates.
 */
@Tag(name = "Reports")
@RestController
class ReportController {

	private final Reports reports;

	private final ReportTemplates templates;

	ReportController(Reports reports, ReportTemplates templates) {
		this.reports = reports;
		this.templates = templates;
	}

	@PostMapping("/v1/reports/generate")
	@RequiredScope("reports.write")
	@Operation(summary = "Generate a report in the background",
			description = "Answers 202 at once with `report_id`, `status: generating`, `estimated_completion` and "
					+ "`status_url`. `template_id` is one of `GET /v1/reports/templates`; `parameters` are checked "
					+ "against what it declares; `format` one it renders (default: its first); `time_zone` the zone "
					+ "its times are shown in (default UTC); `shared` lets every user with `reports.read` see it. "
					+ "`delivery.method` `email` sends it to `delivery.recipients` (at most 50) once rendered, attached, "
					+ "or linked when over the attachment limit, retried while the SMTP server is down; with "
					+ "`delivery.skip_if_empty` an empty report sends nothing. `download` (or no delivery) keeps it for "
					+ "download only. A wrong field is a 400 naming it, and nothing is stored.")
	ResponseEntity<ReportAcceptedResponse> generate(@RequestBody(required = false) @Nullable GenerateReportBody body) {
		if (body == null) {
			throw new InvalidInputException("body", "a JSON body is required, e.g. {\"template_id\": \"tpl_inventory\", "
					+ "\"format\": \"pdf\"}");
		}
		return accepted(this.reports.generate(body.toRequest(CurrentPrincipal.owner())));
	}

	@GetMapping("/v1/reports/{id}/status")
	@RequiredScope("reports.read")
	@Operation(summary = "Where a report stands, and each recipient's delivery",
			description = "`status` generating, completed, failed or expired; `download_url` while it can be "
					+ "downloaded (until `expires_at`). A report of another user that is not shared is a 404.")
	ReportStatusResponse status(@PathVariable String id) {
		return ReportStatusResponse.from(this.reports.get(id, viewer()));
	}

	@GetMapping("/v1/reports/{id}/download")
	@RequiredScope("reports.read")
	@Operation(summary = "Download a completed report",
			description = "The file with its content type and name. 409 while it is generating or when it failed; "
					+ "410 `GONE` once it has expired.")
	ResponseEntity<InputStreamResource> download(@PathVariable String id) {
		ReportFile file = this.reports.download(id, viewer());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.format().contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.body(new InputStreamResource(file.content().get()));
	}

	@GetMapping("/v1/reports")
	@RequiredScope("reports.read")
	@Operation(summary = "List reports, newest first",
			description = "Your own reports; with `shared=true` also those other users shared (every report, for an "
					+ "admin). `category` and `created_by` narrow the list.")
	ResponseEntity<PageResponse<ReportResponse>> list(@RequestParam(required = false) @Nullable String category,
			@RequestParam(name = "created_by", required = false) @Nullable String createdBy,
			@Parameter(description = "include reports others shared") @RequestParam(defaultValue = "false") boolean shared,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		ReportQuery query = new ReportQuery(viewer(), blankToNull(category), blankToNull(createdBy), shared, page,
				limit);
		return PageResponse.of(this.reports.list(query), ReportResponse::from);
	}

	@GetMapping("/v1/reports/templates")
	@RequiredScope("reports.read")
	@Operation(summary = "The report templates",
			description = "Each with its category, the parameters it declares (type, required, default, allowed "
					+ "values) and the formats it renders.")
	TemplateList templates() {
		return new TemplateList(this.templates.list().stream().map(TemplateResponse::from).toList());
	}

	static ResponseEntity<ReportAcceptedResponse> accepted(ReportAccepted accepted) {
		ReportAcceptedResponse body = ReportAcceptedResponse.from(accepted);
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(body.statusUrl())).body(body);
	}

	static ReportViewer viewer() {
		Principal principal = CurrentPrincipal.get();
		return new ReportViewer(principal.owner(), principal.scopes().contains(Principal.ADMIN_SCOPE));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

}
