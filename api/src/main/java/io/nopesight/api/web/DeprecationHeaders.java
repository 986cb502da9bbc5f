package io.nopesight.api.web;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Adds the API reference's {@code X-API-Deprecation-Date}/{@code X-API-Deprecation-Info} headers, and the
 * standard {@code Deprecation} (RFC 9745) and {@code Sunset} (RFC 8594) ones, to responses of the routes
 * configured in {@link DeprecationSettings}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DeprecationHeaders extends OncePerRequestFilter {

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	private final List<Route> routes;

	DeprecationHeaders(DeprecationSettings settings) {
		this.routes = settings.deprecations()
			.stream()
			.map((deprecation) -> new Route(PathPatternParser.defaultInstance.parse(deprecation.path()), deprecation))
			.toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.routes.isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		for (Route route : this.routes) {
			if (route.pattern().matches(path)) {
				DeprecationSettings.Deprecation deprecation = route.deprecation();
				response.setHeader("X-API-Deprecation-Date", deprecation.date().toString());
				response.setHeader("Deprecation",
						"@" + deprecation.date().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
				if (deprecation.info() != null) {
					response.setHeader("X-API-Deprecation-Info", deprecation.info());
				}
				if (deprecation.sunset() != null) {
					response.setHeader("Sunset", HTTP_DATE.format(deprecation.sunset().atStartOfDay(ZoneOffset.UTC)));
				}
				break;
			}
		}
		chain.doFilter(request, response);
	}

	private record Route(PathPattern pattern, DeprecationSettings.Deprecation deprecation) {
	}

}
