package io.nopesight.api.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * Says which query parameter Tomcat could not decode (bad percent-encoding, bytes that are not UTF-8), from
 * the one place Tomcat names it: its message.
 */
final class QueryDecoding {

	private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([^\\]]{0,100})\\]");

	private QueryDecoding() {
	}

	static String problem(InvalidParameterException ex) {
		Matcher name = PARAMETER.matcher(String.valueOf(ex.getMessage()));
		String which = name.find() ? "parameter '" + name.group(1).replaceAll("\\P{Print}", "?") + "'" : "a parameter";
		return which + " is not valid percent-encoded UTF-8";
	}

}
