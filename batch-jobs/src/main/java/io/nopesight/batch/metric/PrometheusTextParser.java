package io.nopesight.batch.metric;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.metric.MetricSampleRules;

/**
 * Parses lines of the Prometheus text exposition format (version 0.0.4):
 * {@code name{label="value",...} value [timestamp_ms]}. Comments and blank lines hold no sample. The
 * CI is the {@code instance} label when the line has one, otherwise the one the import names.
 */
final class PrometheusTextParser {

	private PrometheusTextParser() {
	}

	/**
	 * The sample on the line, or {@code null} for a comment or blank line.
	 */
	static @Nullable ParsedSample parse(String line, @Nullable String defaultCi, Instant defaultTime)
			throws InvalidSampleException {
		String text = line.strip();
		if (text.isEmpty() || text.startsWith("#")) {
			return null;
		}
		int i = 0;
		while (i < text.length() && isNameChar(text.charAt(i), i == 0)) {
			i++;
		}
		if (i == 0) {
			throw new InvalidSampleException("line does not start with a metric name");
		}
		String metric = text.substring(0, i);
		Map<String, String> labels = new TreeMap<>();
		if (i < text.length() && text.charAt(i) == '{') {
			i = labels(text, i + 1, labels);
		}
		String[] rest = text.substring(i).strip().split("\\s+");
		if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
			throw new InvalidSampleException("expected a value and an optional timestamp after the metric");
		}
		double value = value(rest[0]);
		Instant timestamp = defaultTime;
		if (rest.length == 2) {
			try {
				timestamp = Instant.ofEpochMilli(Long.parseLong(rest[1]));
			}
			catch (NumberFormatException ex) {
				throw new InvalidSampleException("invalid timestamp '" + CsvSampleParser.abbreviate(rest[1]) + "'");
			}
		}
		String instance = labels.remove("instance");
		if (instance != null && !instance.isBlank()) {
			return new ParsedSample(instance, true, metric, labels, timestamp, value);
		}
		if (defaultCi == null) {
			throw new InvalidSampleException("no CI for the sample: give the import a 'ci' or the line an instance label");
		}
		return new ParsedSample(defaultCi, false, metric, labels, timestamp, value);
	}

	private static double value(String text) throws InvalidSampleException {
		// the exposition format spells its special values in a way Double.parseDouble does not read
		double value = switch (text) {
			case "NaN" -> Double.NaN;
			case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> {
				try {
					yield Double.parseDouble(text);
				}
				catch (NumberFormatException ex) {
					throw new InvalidSampleException("invalid value '" + CsvSampleParser.abbreviate(text) + "'");
				}
			}
		};
		String invalid = MetricSampleRules.valueProblem(value);
		if (invalid != null) {
			throw new InvalidSampleException(invalid + ", got '" + CsvSampleParser.abbreviate(text) + "'");
		}
		return value;
	}

	private static int labels(String text, int start, Map<String, String> labels) throws InvalidSampleException {
		int i = start;
		while (true) {
			while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
				i++;
			}
			if (i >= text.length()) {
				throw new InvalidSampleException("unterminated label set");
			}
			if (text.charAt(i) == '}') {
				return i + 1;
			}
			int nameStart = i;
			while (i < text.length() && isNameChar(text.charAt(i), i == nameStart) && text.charAt(i) != ':') {
				i++;
			}
			String name = text.substring(nameStart, i);
			if (name.isEmpty() || i + 1 >= text.length() || text.charAt(i) != '=' || text.charAt(i + 1) != '"') {
				throw new InvalidSampleException("malformed label at column " + (i + 1));
			}
			i += 2;
			StringBuilder value = new StringBuilder();
			while (i < text.length() && text.charAt(i) != '"') {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < text.length()) {
					char next = text.charAt(++i);
					value.append((next == 'n') ? '\n' : next);
				}
				else {
					value.append(c);
				}
				i++;
			}
			if (i >= text.length()) {
				throw new InvalidSampleException("unterminated label value for '" + name + "'");
			}
			labels.put(name, value.toString());
			i++;
		}
	}

	private static boolean isNameChar(char c, boolean first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (!first && c >= '0' && c <= '9');
	}

}
