package io.nopesight.api.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line for every error the API answers, wherever the answer was written (a filter, MVC, the
 * container's error dispatch or its error valve), so that each refusal is in the log once, with its request
 * id and without a stack trace. Internal errors (500) are logged where they happen, with their stack trace.
 */
final class ErrorLog {

	private static final Logger logger = LoggerFactory.getLogger("io.nopesight.api.errors");

	private ErrorLog() {
	}

	static void answered(String method, String target, int status, ApiError error) {
		if (status != 500) {
			logger.info("{} {} answered {} {}: {}", method, printable(target), status, error.error().code(),
					printable(error.error().message()));
		}
	}

	// the target and the message may hold anything a client sent: keep the line short and on one line
	private static String printable(String text) {
		String shown = (text.length() > 300) ? text.substring(0, 300) + "..." : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

}
