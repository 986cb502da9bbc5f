package io.nopesight.api.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.Timestamps;
import io.nopesight.core.access.Principal;
import io.nopesight.core.audit.AuditEntry;
import io.nopesight.core.audit.AuditLog;
import io.nopesight.core.audit.AuditQuery;

@Tag(name = "Audit")
@RestController
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/v1/audit")
	@RequiredScope(Principal.ADMIN_SCOPE)
	ResponseEntity<PageResponse<AuditEntry>> list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		AuditQuery query = new AuditQuery((actor != null && !actor.isBlank()) ? actor : null,
				Timestamps.parseField("from", from), Timestamps.parseField("to", to));
		return PageResponse.of(this.log.find(query, page, limit), (entry) -> entry);
	}

}
