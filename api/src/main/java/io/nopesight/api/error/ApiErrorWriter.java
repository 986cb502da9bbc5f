package io.nopesight.api.error;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.nopesight.api.web.RequestIds;

/**
 * Writes an {@link ApiError} straight to a servlet response, for failures found before MVC runs
 * (authentication, rate limits, body limits), or builds it for a controller to return; either way the
 * answer is logged once.
 */
@Component
public class ApiErrorWriter {

	private final JsonMapper json;

	ApiErrorWriter(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The same answer for a controller to return, logged as every client error is.
	 */
	public static ResponseEntity<ApiError> entity(HttpServletRequest request, ErrorCode code, String message,
			List<ApiError.Detail> details) {
		ApiError error = ApiError.of(code, message, details, RequestIds.of(request));
		ErrorLog.answered(request.getMethod(), request.getRequestURI(), code.status().value(), error);
		return ResponseEntity.status(code.status()).body(error);
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
			List<ApiError.Detail> details) throws IOException {
		response.setStatus(code.status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		ApiError error = ApiError.of(code, message, details, RequestIds.of(request));
		ErrorLog.answered(request.getMethod(), request.getRequestURI(), code.status().value(), error);
		this.json.writeValue(response.getOutputStream(), error);
	}

}
