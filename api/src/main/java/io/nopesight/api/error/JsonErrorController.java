package io.nopesight.api.error;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;

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
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String where = (path != null) ? " (" + path + ")" : "";
		// a filter that read the parameters first met a query Tomcat could not decode
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException ex) {
			return answer(request, 400, ApiError.of(ErrorCode.VALIDATION_ERROR, "Invalid request parameters" + where,
					List.of(new ApiError.Detail("query", QueryDecoding.problem(ex))), RequestIds.of(request)));
		}
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value) ? value : 500;
		ErrorCode errorCode = ErrorCode.forStatus(code);
		String message = (code >= 500) ? "Internal server error" : errorCode.status().getReasonPhrase();
		return answer(request, code, ApiError.of(errorCode, message + where, List.of(), RequestIds.of(request)));
	}

	private static ResponseEntity<ApiError> answer(HttpServletRequest request, int status, ApiError error) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ErrorLog.answered(request.getMethod(), (path != null) ? path.toString() : request.getRequestURI(), status,
				error);
		return ResponseEntity.status(status).body(error);
	}

}
