package io.nopesight.api.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the client's {@code X-Request-ID} when it is sane, a new {@code req_…}
 * otherwise. The id is echoed in the response, logged with every line (MDC {@code requestId}) and put in
 * error bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-ID";

	private static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public static String of(ServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id != null) ? id.toString() : "unknown";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(ATTRIBUTE) != null) ? request.getAttribute(ATTRIBUTE).toString()
				: fromClient(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put("requestId", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

	// an error dispatch keeps the id its request had, or gets one when the container refused it before this
	// filter ran (TRACE, a method Tomcat does not serve)
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * The client's id when it is sane, else a new one.
	 */
	public static String fromClient(@Nullable String given) {
		return (given != null && SANE.matcher(given).matches()) ? given : generate();
	}

	private static String generate() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return "req_" + HexFormat.of().formatHex(bytes);
	}

}
