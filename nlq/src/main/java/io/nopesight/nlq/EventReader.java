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

	private static final Pattern AFFECTING = Pattern.compile("\\b(?:on|affecting|against)\\b");

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

	static EventClause read(QuestionReader.Reading reading, List<String> knownSources, boolean ofCis) {
		// "alerts on staging databases": the CIs the events are on
		while (reading.find(AFFECTING) != null) {
			// read
		}
		List<String> severities = new ArrayList<>();
		Matcher severity;
		while ((severity = reading.find(SEVERITY)) != null) {
			severities.add(severity.group(1));
		}
		List<String> statuses = new ArrayList<>();
		Matcher status;
		while ((status = reading.find(STATUS)) != null) {
			statuses.add(switch (status.group(1)) {
				case "unresolved", "open" -> "open";
				case "acked", "acknowledged" -> "acknowledged";
				default -> "resolved";
			});
		}
		List<String> sources = new ArrayList<>();
		for (String source : knownSources) {
			Matcher matcher = reading.find(Pattern.compile("\\b(?:(?:from|by|in|of|via)\\s+)?"
					+ Pattern.quote(source.toLowerCase(Locale.ROOT)) + "\\b"));
			if (matcher != null) {
				sources.add(source);
			}
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
		return new EventClause(severities, statuses, sources, span, ofCis);
	}

}
