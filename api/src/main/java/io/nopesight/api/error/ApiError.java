package io.nopesight.api.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The API reference's error body: {@code {"error": {code, message, details, request_id, documentation_url}}}.
 */
public record ApiError(Body error) {

	static final String DOCUMENTATION = "https://docs.nopesight.com/api/errors#";

	public static ApiError of(ErrorCode code, String message, List<Detail> details, String requestId) {
		return new ApiError(new Body(code.name(), message, details, requestId, DOCUMENTATION + code.name()));
	}

	/**
	 * What went wrong, for people and programs.
	 */
	public record Body(String code, String message, List<Detail> details, String requestId, String documentationUrl) {
	}

	/**
	 * One offending field (or header, or parameter) and why.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Detail(String field, String error) {
	}

}
