package io.nopesight.api.metric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.error.ApiError;
import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.api.error.ErrorCode;
import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.BodySizeLimit;
import io.nopesight.api.web.RequestIds;
import io.nopesight.batch.metric.MetricImport;
import io.nopesight.batch.metric.MetricImportFormat;
import io.nopesight.batch.metric.MetricImports;
import io.nopesight.core.InvalidInputException;

/**
 * Uploads a metric file (CSV, or Prometheus text by {@code Content-Type: text/plain; version=0.0.4}, gzip
 * or not) and answers 202 once the file and its job are stored; {@code GET /v1/jobs/{id}} follows it.
 */
@Tag(name = "Metrics")
@RestController
class MetricImportController {

	private final MetricImports imports;

	MetricImportController(MetricImports imports) {
		this.imports = imports;
	}

	@PostMapping("/v1/metrics/import")
	@RequiredScope("events.write")
	ResponseEntity<Accepted> upload(HttpServletRequest request, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String ci) throws IOException, HttpMediaTypeNotSupportedException {
		MetricImportFormat chosen = format(format, request.getContentType());
		String encoding = request.getHeader("Content-Encoding");
		if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("gzip")
				&& !encoding.equalsIgnoreCase("identity")) {
			throw new InvalidInputException("Content-Encoding", "Unsupported encoding '" + encoding + "': use gzip or none");
		}
		MetricImport started = this.imports.start(request.getInputStream(), chosen,
				(ci != null && !ci.isBlank()) ? ci.strip() : null, CurrentPrincipal.owner());
		String statusUrl = "/v1/jobs/" + started.id();
		return ResponseEntity.accepted()
			.location(URI.create(statusUrl))
			.body(new Accepted(started.id(), started.status(), statusUrl));
	}

	@GetMapping("/v1/jobs/{id}")
	@RequiredScope("cmdb.read")
	JobResponse job(@PathVariable String id) {
		return JobResponse.from(this.imports.get(id));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> handle(UncheckedIOException ex, HttpServletRequest request) {
		if (ex.getCause() instanceof BodySizeLimit.PayloadTooLargeException tooLarge) {
			return ApiErrorWriter.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of());
		}
		// the upload broke off (client gone, bad gzip framing): nothing was stored
		return ApiErrorWriter.entity(request, ErrorCode.VALIDATION_ERROR, "The uploaded file could not be read completely",
				List.of(new ApiError.Detail("body", String.valueOf(ex.getCause().getMessage()))));
	}

	private static MetricImportFormat format(@Nullable String format, @Nullable String contentType)
			throws HttpMediaTypeNotSupportedException {
		if (format != null && !format.isBlank()) {
			return MetricImportFormat.fromValue(format.strip())
				.orElseThrow(() -> new InvalidInputException("format",
						"Unknown format '" + format + "': use csv or prometheus"));
		}
		if (contentType == null || contentType.isBlank()) {
			return MetricImportFormat.CSV;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("Content-Type", "Invalid Content-Type '" + contentType + "'");
		}
		if (type.isCompatibleWith(MediaType.TEXT_PLAIN) && "0.0.4".equals(type.getParameter("version"))) {
			return MetricImportFormat.PROMETHEUS;
		}
		if (type.isCompatibleWith(MediaType.TEXT_PLAIN) || type.isCompatibleWith(MediaType.valueOf("text/csv"))
				|| type.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM)
				|| type.isCompatibleWith(MediaType.valueOf("application/gzip"))
				|| type.isCompatibleWith(MediaType.valueOf("application/x-gzip"))) {
			return MetricImportFormat.CSV;
		}
		throw new HttpMediaTypeNotSupportedException(type,
				List.of(MediaType.valueOf("text/csv"), MediaType.valueOf("text/plain; version=0.0.4")));
	}

	record Accepted(String id, String status, String statusUrl) {
	}

	record JobResponse(String id, String type, String status, String format, long rowsRead, long rowsWritten,
			long rowsSkipped, List<MetricImport.SkippedRow> skippedRows, @Nullable String error, Instant createdAt,
			@Nullable Instant finishedAt) {

		static JobResponse from(MetricImport job) {
			return new JobResponse(job.id(), "metric_import", job.status(), job.format().value(), job.rowsRead(),
					job.rowsWritten(), job.rowsSkipped(), job.skipped(), job.error(), job.createdAt(), job.finishedAt());
		}

	}

}
