package io.nopesight.api.error;

import org.springframework.http.HttpStatus;

/**
 * What the servlet container refused, said in the API's words: Tomcat answers a request line or header block
 * too large for its buffer with a bare 400, which the API reports as 414 (the request line did not fit) or
 * 431 (the headers did not).
 */
record ContainerRefusal(int status, ErrorCode code, String message) {

	static ContainerRefusal of(int status, boolean requestLineParsed, String reason) {
		if (status == 400 && reason.contains("too large")) {
			return requestLineParsed
					? new ContainerRefusal(431, ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE,
							"Request headers are too large")
					: new ContainerRefusal(414, ErrorCode.URI_TOO_LONG, "Request line (URI) is too long");
		}
		ErrorCode code = ErrorCode.forStatus(status);
		return new ContainerRefusal(status, code, message(status, reason));
	}

	private static String message(int status, String reason) {
		if (status >= 500 && status != 505) {
			return "Internal server error";
		}
		HttpStatus known = HttpStatus.resolve(status);
		String phrase = (known != null) ? known.getReasonPhrase() : "Bad Request";
		return reason.isBlank() ? phrase : phrase + ": " + reason;
	}

}
