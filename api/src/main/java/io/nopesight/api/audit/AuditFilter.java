package io.nopesight.api.audit;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.web.RequestIds;
import io.nopesight.core.access.Principal;
import io.nopesight.core.audit.AuditLog;
import io.nopesight.core.audit.AuditRecording;
import io.nopesight.core.audit.AuditedWrite;
import io.nopesight.core.database.ConnectionFailures;

/**
 * Records every authenticated write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) under
 * {@code /v1}, refused or not, with its outcome. The entry of a write that changes something is stored in
 * the change's own transaction ({@link AuditLog#begin}), so a crash cannot keep one without the other; the
 * status is added when the answer is ready. The response is held back from the client (flushes are
 * deferred) until then, so a client that reads the log next sees its own write complete.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20)
class AuditFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(AuditFilter.class);

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final AuditLog log;

	AuditFilter(AuditLog log) {
		this.log = log;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/v1/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Principal> principal = CurrentPrincipal.find();
		if (principal.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		DeferredFlushResponse deferred = new DeferredFlushResponse(response);
		int status = 500;
		try (AuditRecording recording = this.log.begin(new HttpWrite(request, response, principal.get()))) {
			try {
				chain.doFilter(request, deferred);
				status = response.getStatus();
			}
			finally {
				finish(recording, request, response, status);
				deferred.flushDeferred();
			}
		}
	}

	private static void finish(AuditRecording recording, HttpServletRequest request, HttpServletResponse response,
			int status) {
		try {
			recording.finish(status, targetId(request, response));
		}
		catch (RuntimeException ex) {
			if (ConnectionFailures.isConnectionFailure(ex)) {
				// the request failed the same way and rolled back with its entry: nothing was done, nothing to audit
				logger.debug("No audit entry for {} {}: the database went away", request.getMethod(),
						request.getRequestURI());
				return;
			}
			logger.error("Could not complete the audit entry of {} {}", request.getMethod(), request.getRequestURI(), ex);
		}
	}

	private static @Nullable String targetId(HttpServletRequest request, HttpServletResponse response) {
		String location = response.getHeader(HttpHeaders.LOCATION);
		if (location != null) {
			return location.substring(location.lastIndexOf('/') + 1);
		}
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map) {
			for (String name : new String[] { "keyId", "id", "ciId" }) {
				if (map.get(name) instanceof String value) {
					return value;
				}
			}
		}
		return null;
	}

	/**
	 * The request as the audit entry sees it; route and target are read when the entry is stored, after
	 * the request has been matched.
	 */
	private record HttpWrite(HttpServletRequest request, HttpServletResponse response,
			Principal principal) implements AuditedWrite {

		@Override
		public String actor() {
			return this.principal.owner();
		}

		@Override
		public @Nullable String tokenId() {
			return this.principal.tokenId();
		}

		@Override
		public String tokenKind() {
			return this.principal.kind().value();
		}

		@Override
		public String method() {
			return this.request.getMethod();
		}

		@Override
		public String path() {
			return this.request.getRequestURI();
		}

		@Override
		public @Nullable String route() {
			return (String) this.request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		}

		@Override
		public @Nullable String requestId() {
			return RequestIds.of(this.request);
		}

		@Override
		public @Nullable String targetId() {
			return AuditFilter.targetId(this.request, this.response);
		}

	}

}
