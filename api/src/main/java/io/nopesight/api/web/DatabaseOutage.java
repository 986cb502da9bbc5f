package io.nopesight.api.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.api.error.ErrorCode;
import io.nopesight.core.database.ConnectionFailures;
import io.nopesight.core.database.DatabaseAvailability;

/**
 * While the database cannot be reached, API requests are answered 503 with {@code Retry-After} at once,
 * without waiting for a connection; a request that finds out on its way (authentication, rate limits, or
 * the handler itself) gets the same answer instead of a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseOutage extends OncePerRequestFilter {

	private final DatabaseAvailability availability;

	private final ApiErrorWriter errors;

	DatabaseOutage(DatabaseAvailability availability, ApiErrorWriter errors) {
		this.availability = availability;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.startsWith("/v1/") || path.startsWith("/v1/openapi.json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.availability.isAvailable()) {
			answer(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!ConnectionFailures.isConnectionFailure(ex) || response.isCommitted()) {
				throw ex;
			}
			this.availability.connectionFailed(ex);
			response.reset();
			answer(request, response);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(RequestIds.HEADER, RequestIds.of(request));
		response.setHeader("Retry-After", Long.toString(this.availability.retryAfter().toSeconds()));
		this.errors.write(request, response, ErrorCode.SERVICE_UNAVAILABLE,
				"The database is unavailable; try again in a few seconds", List.of());
	}

}
