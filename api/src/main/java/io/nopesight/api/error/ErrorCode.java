package io.nopesight.api.error;

import org.springframework.http.HttpStatus;

/**
 * The error codes of the API reference and the status each goes with.
 */
public enum ErrorCode {

	VALIDATION_ERROR(HttpStatus.BAD_REQUEST), AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED),
	PERMISSION_DENIED(HttpStatus.FORBIDDEN), RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED), NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
	CONFLICT(HttpStatus.CONFLICT), PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), RATE_LIMIT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR), SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

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
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMIT_EXCEEDED;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? INTERNAL_ERROR : VALIDATION_ERROR;
		};
	}

}
