package io.nopesight.api.discovery;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Timestamps;
import io.nopesight.core.discovery.DiscoveryScan;
import io.nopesight.core.discovery.DiscoveryScans;
import io.nopesight.core.discovery.ScanFormat;
import io.nopesight.core.discovery.ScanQuery;
import io.nopesight.core.discovery.ScanStatus;

/**
 * Scan intake (JSON network and process scans, nmap XML) and the scan history.
 */
@Tag(name = "Discovery scans")
@RestController
class DiscoveryController {

	private final DiscoveryScans scans;

	DiscoveryController(DiscoveryScans scans) {
		this.scans = scans;
	}

	@PostMapping("/v1/discovery/scan-data")
	@RequiredScope("discovery.submit")
	ResponseEntity<Accepted> submit(@RequestHeader(name = "Content-Type", required = false) @Nullable String contentType,
			@RequestParam(name = "scanner_id", required = false) @Nullable String scannerId,
			@RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
		ScanFormat format = format(contentType);
		DiscoveryScan scan = this.scans.submit((body != null) ? body : new byte[0], format, scannerId,
				CurrentPrincipal.owner());
		return accepted(scan, "Scan accepted for processing");
	}

	/**
	 * Runs a failed scan's job again from the stored payload, on from its last committed chunk.
	 */
	@PostMapping("/v1/discovery/scans/{id}/rerun")
	@RequiredScope("discovery.submit")
	ResponseEntity<Accepted> rerun(@PathVariable String id) {
		DiscoveryScan scan = this.scans.requeue(id);
		return accepted(scan, "Scan queued to run again");
	}

	private static ResponseEntity<Accepted> accepted(DiscoveryScan scan, String message) {
		String href = "/v1/discovery/scans/" + scan.id();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(href))
			.body(new Accepted(scan.id(), scan.status().value(), message, href));
	}

	@GetMapping("/v1/discovery/scans")
	@RequiredScope("discovery.read")
	ResponseEntity<PageResponse<ScanResponse>> list(
			@RequestParam(name = "scanner_id", required = false) @Nullable String scannerId,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		List<FieldError> errors = new ArrayList<>();
		ScanStatus scanStatus = null;
		if (status != null && !status.isBlank()) {
			scanStatus = ScanStatus.fromValue(status.strip()).orElse(null);
			if (scanStatus == null) {
				errors.add(new FieldError("status",
						"Invalid status '" + status + "': use one of queued, running, completed, failed"));
			}
		}
		Instant fromInstant = instant("from", from, errors);
		Instant toInstant = instant("to", to, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		ScanQuery query = new ScanQuery((scannerId != null && !scannerId.isBlank()) ? scannerId.strip() : null,
				scanStatus, fromInstant, toInstant, page, limit);
		return PageResponse.of(this.scans.list(query), ScanResponse::from);
	}

	@GetMapping("/v1/discovery/scans/{id}")
	@RequiredScope("discovery.read")
	ScanResponse get(@PathVariable String id) {
		DiscoveryScan scan = this.scans.get(id);
		return ScanResponse.from(scan, this.scans.conflicts(id));
	}

	private static ScanFormat format(@Nullable String contentType) throws HttpMediaTypeNotSupportedException {
		MediaType type = null;
		try {
			type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (InvalidMediaTypeException ex) {
			type = null;
		}
		if (type != null) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return ScanFormat.JSON;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML)) {
				return ScanFormat.NMAP_XML;
			}
		}
		throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML),
				HttpMethod.POST);
	}

	private static @Nullable Instant instant(String field, @Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant parsed = Timestamps.parse(value).orElse(null);
		if (parsed == null) {
			errors.add(new FieldError(field, Timestamps.invalid(field, value)));
		}
		return parsed;
	}

	record Accepted(String scanId, String status, String message, String href) {
	}

}
