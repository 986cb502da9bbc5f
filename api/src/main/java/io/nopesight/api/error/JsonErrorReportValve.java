package io.nopesight.api.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.api.web.RequestIds;

/**
 * Tomcat's last word on a failed request, in the API's error format instead of its HTML page: what the
 * container refuses before Spring sees the request (a request line or header it cannot parse, a URI it will
 * not map, a header block that does not fit) and any error status that reached it with no body. Each such
 * answer carries an {@code X-Request-ID} and is logged once, as one line.
 */
final class JsonErrorReportValve extends ErrorReportValve {

	private static final Logger logger = LoggerFactory.getLogger(JsonErrorReportValve.class);

	private final JsonMapper json;

	JsonErrorReportValve(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ContainerRefusal refusal = ContainerRefusal.of(response.getStatus(), requestLineParsed(request),
				reason(response, throwable));
		String requestId = requestId(request);
		ApiError error = ApiError.of(refusal.code(), refusal.message(), List.of(), requestId);
		MDC.put("requestId", requestId);
		try {
			ErrorLog.answered(method(request), target(request), refusal.status(), error);
		}
		finally {
			MDC.remove("requestId");
		}
		try {
			response.reset();
			response.setStatus(refusal.status());
			response.setHeader(RequestIds.HEADER, requestId);
			response.setContentType("application/json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			byte[] body = this.json.writeValueAsBytes(error);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone or the response was committed meanwhile: nothing left to tell it
			logger.debug("Could not write the error answer of {}", requestId, ex);
		}
	}

	private static String reason(Response response, @Nullable Throwable throwable) {
		String message = response.getMessage();
		if (throwable != null && throwable.getMessage() != null) {
			return throwable.getMessage();
		}
		return (message != null && !message.isBlank()) ? message
				: "the request line, URI or headers are malformed (HTTP/1.1, RFC 9112 and RFC 3986; paths are UTF-8)";
	}

	private static boolean requestLineParsed(Request request) {
		String method = request.getCoyoteRequest().getMethod();
		return !request.getCoyoteRequest().requestURI().isNull() && method != null && !method.isEmpty();
	}

	private static String requestId(Request request) {
		String id = RequestIds.of(request);
		return "unknown".equals(id) ? RequestIds.fromClient(request.getHeader(RequestIds.HEADER)) : id;
	}

	private static String method(Request request) {
		String method = request.getCoyoteRequest().getMethod();
		return (method == null || method.isEmpty()) ? "-" : method;
	}

	private static String target(Request request) {
		if (request.getCoyoteRequest().requestURI().isNull()) {
			return "(request line not read)";
		}
		return request.getCoyoteRequest().requestURI().toString();
	}

}
