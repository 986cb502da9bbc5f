package io.nopesight.api.error;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.web.RequestIds;

/**
 * Answers the container's error dispatches (failures outside MVC) in the API's error format instead of
 * Boot's HTML or JSON error page.
 */
@RestController
class JsonErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ApiError> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value) ? value : 500;
		ErrorCode errorCode = ErrorCode.forStatus(code);
		String message = (code >= 500) ? "Internal server error" : errorCode.status().getReasonPhrase();
		Object id = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (id != null) ? " (" + id + ")" : "";
		return ResponseEntity.status(code)
			.body(ApiError.of(errorCode, message + path, List.of(), RequestIds.of(request)));
	}

}
