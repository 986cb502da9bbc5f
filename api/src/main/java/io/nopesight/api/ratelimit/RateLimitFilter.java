package io.nopesight.api.ratelimit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nopesight.api.error.ApiError;
import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.api.error.ErrorCode;
import io.nopesight.api.ratelimit.RateLimitSettings.Limit;
import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.core.access.Principal;
import io.nopesight.core.access.TokenKind;

/**
 * Runs after authentication (Spring Security's chain), so it limits by token: every authenticated
 * {@code /v1} response carries the rate-limit headers, and a request past the limit gets 429
 * {@code RATE_LIMIT_EXCEEDED} with {@code Retry-After}.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class RateLimitFilter extends OncePerRequestFilter {

	private final SharedRateLimiter limiter;

	private final RateLimitSettings settings;

	private final ApiErrorWriter errors;

	RateLimitFilter(SharedRateLimiter limiter, RateLimitSettings settings, ApiErrorWriter errors) {
		this.limiter = limiter;
		this.settings = settings;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.settings.enabled() || !request.getRequestURI().startsWith("/v1/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Principal> principal = CurrentPrincipal.find();
		if (principal.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Decision decision = this.limiter.acquire(key(principal.get()), principal.get().kind());
		headers(response, decision);
		if (!decision.allowed()) {
			response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
			this.errors.write(request, response, ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests: retry in "
					+ decision.retryAfterSeconds() + " s",
					List.of(new ApiError.Detail("authorization", "limit " + decision.limit().perHour() + "/hour with a burst of "
							+ decision.limit().perMinute() + "/minute for this token")));
			return;
		}
		chain.doFilter(request, response);
	}

	// JWTs are limited by subject, so minting many of them does not multiply the limit
	private static String key(Principal principal) {
		return (principal.kind() == TokenKind.JWT) ? "jwt:" + principal.owner() : principal.tokenId();
	}

	private static void headers(HttpServletResponse response, Decision decision) {
		Limit limit = decision.limit();
		response.setHeader("RateLimit-Policy", "\"burst\";q=" + limit.perMinute() + ";w=60, \"hourly\";q="
				+ limit.perHour() + ";w=3600");
		response.setHeader("RateLimit", "\"burst\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
		response.setHeader("X-RateLimit-Limit", Long.toString(limit.perMinute()));
		response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
		response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
	}

}
