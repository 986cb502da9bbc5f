package io.nopesight.batch.metric;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.nopesight.core.metric.MetricSampleRules;

/**
 * Parses {@code ci,metric,timestamp,value} lines. Timestamps are ISO-8601 ({@code 2026-10-02T00:00:00Z},
 * offsets allowed) or Unix epoch seconds or milliseconds, read by {@link FastInstant} because parsing is
 * most of a line's cost. Where {@link io.nopesight.core.Timestamps} (the API's reading) also accepts a
 * text, both read the same instant; files may in addition give epoch milliseconds (which the API refuses
 * rather than read as seconds) and times without seconds, but not plain dates or a space before the time.
 */
final class CsvSampleParser {

	static final String HEADER = "ci,metric,timestamp,value";

	private CsvSampleParser() {
	}

	static boolean isHeader(String line) {
		return line.strip().replace(" ", "").equalsIgnoreCase(HEADER);
	}

	static ParsedSample parse(String line) throws InvalidSampleException {
		int a = line.indexOf(',');
		int b = (a < 0) ? -1 : line.indexOf(',', a + 1);
		int c = (b < 0) ? -1 : line.indexOf(',', b + 1);
		if (c < 0 || line.indexOf(',', c + 1) >= 0) {
			throw new InvalidSampleException("expected 4 columns: ci,metric,timestamp,value");
		}
		String ci = unquote(line.substring(0, a));
		String metric = unquote(line.substring(a + 1, b));
		String invalid = MetricSampleRules.ciProblem(ci);
		if (invalid == null) {
			invalid = MetricSampleRules.metricProblem(metric);
		}
		if (invalid != null) {
			throw new InvalidSampleException(invalid);
		}
		Instant timestamp = timestamp(unquote(line.substring(b + 1, c)));
		double value = value(unquote(line.substring(c + 1)));
		return new ParsedSample(ci, false, metric, Map.of(), timestamp, value);
	}

	static Instant timestamp(String text) throws InvalidSampleException {
		try {
			if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
				long number = Long.parseLong(text);
				return (number < 100_000_000_000L) ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
			}
			return FastInstant.parse(text);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new InvalidSampleException("invalid timestamp '" + abbreviate(text) + "'");
		}
	}

	static double value(String text) throws InvalidSampleException {
		try {
			double value = Double.parseDouble(text);
			String invalid = MetricSampleRules.valueProblem(value);
			if (invalid != null) {
				throw new InvalidSampleException(invalid + ", got '" + abbreviate(text) + "'");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidSampleException("invalid value '" + abbreviate(text) + "'");
		}
	}

	static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

	private static String unquote(String field) {
		String value = field.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1).replace("\"\"", "\"");
		}
		return value;
	}

}
