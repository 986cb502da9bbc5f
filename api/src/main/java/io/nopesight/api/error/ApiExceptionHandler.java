package io.nopesight.api.error;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.nopesight.analytics.agent.QuestionNotUnderstoodException;
import io.nopesight.api.web.BodySizeLimit;
import io.nopesight.api.web.RequestIds;
import io.nopesight.core.ConflictException;
import io.nopesight.core.InvalidInputException;
import io.nopesight.nlq.QueryNotUnderstoodException;
import io.nopesight.core.NotFoundException;
import io.nopesight.core.PreconditionFailedException;
import io.nopesight.core.database.ConnectionFailures;
import io.nopesight.core.database.DatabaseAvailability;
import io.nopesight.reporting.ReportExpiredException;

/**
 * The one place exceptions become HTTP answers, all in the reference's error format: domain errors from
 * the modules, MVC's own 400/404/405/415, unreadable bodies and anything unexpected (a 500 that names
 * the request id, never a stack trace).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final DatabaseAvailability availability;

	ApiExceptionHandler(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(NotFoundException ex, WebRequest request) {
		return error(ErrorCode.RESOURCE_NOT_FOUND, ex.getMessage(), List.of(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(ConflictException ex, WebRequest request) {
		return error(ErrorCode.CONFLICT, ex.getMessage(), List.of(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(ReportExpiredException ex, WebRequest request) {
		return error(ErrorCode.GONE, ex.getMessage(), List.of(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(PreconditionFailedException ex, WebRequest request) {
		ApiError error = ApiError.of(ErrorCode.PRECONDITION_FAILED, ex.getMessage(), List.of(), requestId(request));
		log(request, 412, error);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(412);
		if (ex.currentRevision() > 0) {
			answer.eTag("\"" + ex.currentRevision() + "\"");
		}
		return answer.body(error);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(QuestionNotUnderstoodException ex, WebRequest request) {
		List<ApiError.Detail> details = ex.examples()
			.stream()
			.map((example) -> new ApiError.Detail("query", "try: " + example))
			.toList();
		return error(ErrorCode.QUERY_NOT_UNDERSTOOD, ex.getMessage(), details, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(QueryNotUnderstoodException ex, WebRequest request) {
		List<ApiError.Detail> details = ex.suggestions()
			.stream()
			.map((suggestion) -> new ApiError.Detail("query", "try: " + suggestion))
			.toList();
		return error(ErrorCode.QUERY_NOT_UNDERSTOOD, ex.getMessage(), details, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidInputException ex, WebRequest request) {
		List<ApiError.Detail> details = ex.errors()
			.stream()
			.map((e) -> new ApiError.Detail(e.field(), e.error()))
			.toList();
		return error(ErrorCode.VALIDATION_ERROR, "Invalid request parameters", details, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(MethodArgumentTypeMismatchException ex, WebRequest request) {
		String field = ex.getPropertyName() != null ? ex.getPropertyName() : ex.getName();
		return error(ErrorCode.VALIDATION_ERROR, "Invalid request parameters",
				List.of(new ApiError.Detail(field, "Invalid value '" + ex.getValue() + "' for " + field)), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidParameterException ex, WebRequest request) {
		return error(ErrorCode.VALIDATION_ERROR, "Invalid request parameters",
				List.of(new ApiError.Detail("query", QueryDecoding.problem(ex))), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(Exception ex, WebRequest request) {
		if (ConnectionFailures.isConnectionFailure(ex)) {
			// the database went away under this request: a 503 the client may retry, not a bug
			this.availability.connectionFailed(ex);
			ApiError error = ApiError.of(ErrorCode.SERVICE_UNAVAILABLE,
					"The database is unavailable; try again in a few seconds", List.of(), requestId(request));
			log(request, 503, error);
			return ResponseEntity.status(503)
				.header("Retry-After", Long.toString(this.availability.retryAfter().toSeconds()))
				.body(error);
		}
		logger.error("Unexpected failure of {}", describe(request), ex);
		return error(ErrorCode.INTERNAL_ERROR,
				"Internal server error; quote request id " + requestId(request) + " when reporting it", List.of(),
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodySizeLimit.PayloadTooLargeException tooLarge = cause(ex, BodySizeLimit.PayloadTooLargeException.class);
		if (tooLarge != null) {
			return error(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of(), request);
		}
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		if (mismatch != null) {
			String field = path(mismatch);
			return error(ErrorCode.VALIDATION_ERROR, "Invalid request body",
					List.of(new ApiError.Detail(field, "Wrong type for '" + field + "'"
							+ ((mismatch.getTargetType() != null) ? ": expected " + typeName(mismatch.getTargetType())
									: ""))),
					request);
		}
		JacksonException json = cause(ex, JacksonException.class);
		if (json != null) {
			return error(ErrorCode.VALIDATION_ERROR, "Malformed JSON in request body",
					List.of(new ApiError.Detail("body", json.getOriginalMessage())), request);
		}
		return error(ErrorCode.VALIDATION_ERROR, "Request body is missing or unreadable",
				List.of(new ApiError.Detail("body", "a JSON body is required")), request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ErrorCode code = ErrorCode.forStatus(statusCode.value());
		List<ApiError.Detail> details = List.of();
		String message;
		if (ex instanceof NoResourceFoundException) {
			message = "No such path: " + describe(request);
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException method) {
			message = "Method " + method.getMethod() + " is not allowed here; allowed: "
					+ String.join(", ", allowed(method));
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException media) {
			message = "Content-Type " + media.getContentType() + " is not supported here; use "
					+ media.getSupportedMediaTypes();
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			details = List.of(new ApiError.Detail(missing.getParameterName(), "is required"));
			message = "Invalid request parameters";
		}
		else {
			message = statusCode.is5xxServerError() ? "Internal server error" : ex.getMessage();
		}
		if (statusCode.is5xxServerError()) {
			logger.error("Failure of {}", describe(request), ex);
		}
		ApiError error = ApiError.of(code, message, details, requestId(request));
		log(request, statusCode.value(), error);
		return ResponseEntity.status(statusCode).headers(headers).body(error);
	}

	private ResponseEntity<Object> error(ErrorCode code, String message, List<ApiError.Detail> details,
			WebRequest request) {
		ApiError error = ApiError.of(code, message, details, requestId(request));
		log(request, code.status().value(), error);
		return ResponseEntity.status(code.status()).body(error);
	}

	private static void log(WebRequest request, int status, ApiError error) {
		HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		if (servlet != null) {
			ErrorLog.answered(servlet.getMethod(), servlet.getRequestURI(), status, error);
		}
	}

	private static List<String> allowed(HttpRequestMethodNotSupportedException ex) {
		return (ex.getSupportedMethods() != null) ? List.of(ex.getSupportedMethods()) : List.of();
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((ref) -> {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		});
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String typeName(Class<?> type) {
		if (Map.class.isAssignableFrom(type)) {
			return "an object";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		return (type == String.class) ? "a string" : type.getSimpleName();
	}

	private static @Nullable <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static String requestId(WebRequest request) {
		HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		return (servlet != null) ? RequestIds.of(servlet) : "unknown";
	}

	private static String describe(WebRequest request) {
		HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		return (servlet != null) ? servlet.getMethod() + " " + servlet.getRequestURI() : request.getDescription(false);
	}

}
