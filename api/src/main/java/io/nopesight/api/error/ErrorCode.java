package io.nopesight.api.error;

import org.springframework.http.HttpStatus;

/**
 * The error codes of the API reference and the status each goes with.
 */
public enum ErrorCode {

	VALIDATION_ERROR(HttpStatus.BAD_REQUEST), AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED),
	PERMISSION_DENIED(HttpStatus.FORBIDDEN), RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED), NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
	CONFLICT(HttpStatus.CONFLICT), PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED),
	// a resource that existed and is gone for good (a report past its expiry)
	GONE(HttpStatus.GONE),
	// an agent could not read what a question asks for (the body is valid, its meaning is not understood)
	QUERY_NOT_UNDERSTOOD(HttpStatus.UNPROCESSABLE_CONTENT),
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE), URI_TOO_LONG(HttpStatus.URI_TOO_LONG),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), RATE_LIMIT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS),
	REQUEST_HEADER_FIELDS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR), NOT_IMPLEMENTED(HttpStatus.NOT_IMPLEMENTED),
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE), HTTP_VERSION_NOT_SUPPORTED(HttpStatus.HTTP_VERSION_NOT_SUPPORTED);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	static ErrorCode forStatus(int status) {
		return switch (status) {
			case 400 -> VALIDATION_ERROR;
			case 401 -> AUTHENTICATION_REQUIRED;
			case 403 -> PERMISSION_DENIED;
			case 404 -> RESOURCE_NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 410 -> GONE;
			case 412 -> PRECONDITION_FAILED;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 414 -> URI_TOO_LONG;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMIT_EXCEEDED;
			case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
			case 501 -> NOT_IMPLEMENTED;
			case 503 -> SERVICE_UNAVAILABLE;
			case 505 -> HTTP_VERSION_NOT_SUPPORTED;
			default -> (status >= 500) ? INTERNAL_ERROR : VALIDATION_ERROR;
		};
	}

}
