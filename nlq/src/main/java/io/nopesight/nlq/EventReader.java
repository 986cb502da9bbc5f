package io.nopesight.nlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads what a question asks of events: "critical", "high severity", "open", "still open", "acknowledged",
 * "resolved", "from prometheus" (a source the event store holds) and a window ("in the last 24 hours").
 */
final class EventReader {

	private static final Pattern EVENTS = Pattern.compile("\\b(events?|alerts?|alarms?|incidents?)\\b");

	private static final Pattern SEVERITY = Pattern.compile("\\b(critical|high|medium|low)(?:[\\s-]+(?:severity|priority))?\\b");

	private static final Pattern STATUS = Pattern.compile("\\b(?:still\\s+)?(open|unresolved|acknowledged|acked|resolved|closed)\\b");

	private static final Pattern AFFECTING = Pattern.compile("\\b(?:on|affecting|affected|affect|affects|against|impacting"
			+ "|concerning|about|for)\\b");

	private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

	private static final List<String> STATUSES = List.of("open", "acknowledged", "resolved");

	private EventReader() {
	}

	/** Whether the question speaks of events at all. */
	static boolean mentioned(String text) {
		return EVENTS.matcher(text).find();
	}

	/** The word that makes the question about events, if any (it is read). */
	static @Nullable Matcher mention(QuestionReader.Reading reading) {
		return reading.find(EVENTS);
	}

	/**
	 * The event sources the question names ("from prometheus", "application events", "with source zabbix"), read
	 * before the kinds of CI so that the source "application" is not taken for applications.
	 */
	static List<String> sources(QuestionReader.Reading reading, List<String> knownSources) {
		List<String> sources = new ArrayList<>();
		for (String source : knownSources) {
			Matcher matcher = reading.find(Pattern.compile("\\b(?:(?:from|by|in|of|via|with\\s+source|source(?:\\s+is)?)\\s+)?"
					+ "(?:the\\s+)?" + Pattern.quote(source.toLowerCase(Locale.ROOT)) + "(?:\\s+source)?\\b"));
			if (matcher != null) {
				sources.addAll(reading.negated(matcher) ? others(knownSources, source) : List.of(source));
			}
		}
		return sources;
	}

	/**
	 * Severities, statuses and a window; {@code sources} were read before. A negated one ("non-critical", "not
	 * resolved", "not from nagios") is each of the others.
	 */
	static EventClause read(QuestionReader.Reading reading, List<String> sources, List<String> knownSources,
			boolean ofCis) {
		// "alerts on staging databases": the CIs the events are on
		while (reading.find(AFFECTING) != null) {
			// read
		}
		List<String> severities = new ArrayList<>();
		Matcher severity;
		while ((severity = reading.find(SEVERITY)) != null) {
			severities.addAll(reading.negated(severity) ? others(SEVERITIES, severity.group(1)) : List.of(severity.group(1)));
		}
		List<String> statuses = new ArrayList<>();
		Matcher status;
		while ((status = reading.find(STATUS)) != null) {
			String named = switch (status.group(1)) {
				case "unresolved", "open" -> "open";
				case "acked", "acknowledged" -> "acknowledged";
				default -> "resolved";
			};
			statuses.addAll(reading.negated(status) ? others(STATUSES, named) : List.of(named));
		}
		// "critical or high", "open or acknowledged", "from nagios or zabbix": any of them
		Pattern join = Pattern.compile("\\b(?:or|and)\\b(?=\\s+(?:from\\s+|still\\s+)?(?:critical|high|medium|low|open|unresolved"
				+ "|acknowledged|acked|resolved|closed" + knownSources.stream()
					.map((source) -> "|" + Pattern.quote(source.toLowerCase(Locale.ROOT)))
					.collect(java.util.stream.Collectors.joining()) + ")\\b)");
		while (reading.find(join) != null) {
			// read
		}
		Matcher window = reading.find(MetricReader.WINDOW);
		@Nullable Duration span = (window != null) ? MetricReader.span(window) : null;
		return new EventClause(distinct(severities), distinct(statuses), distinct(sources), span, ofCis);
	}

	private static List<String> others(List<String> all, String left) {
		return all.stream().filter((value) -> !value.equalsIgnoreCase(left)).toList();
	}

	private static List<String> distinct(List<String> values) {
		return values.stream().distinct().toList();
	}

}
