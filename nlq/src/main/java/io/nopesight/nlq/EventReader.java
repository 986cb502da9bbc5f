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

	private static final Pattern STATUS = Pattern.compile("\\b(?:still\\s+)?(open|unresolved|unacknowledged|unacked|acknowledged|acked"
			+ "|resolved|closed)\\b");

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
		Choice sources = new Choice(knownSources);
		for (String source : knownSources) {
			Matcher matcher = reading.find(Pattern.compile("\\b(?:(?:from|by|in|of|via|with\\s+source|source(?:\\s+is)?)\\s+)?"
					+ "(?:the\\s+)?" + Pattern.quote(source.toLowerCase(Locale.ROOT)) + "(?:\\s+source)?\\b"));
			if (matcher != null) {
				sources.add(source, reading.negated(matcher));
			}
		}
		return sources.values();
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
		Choice severities = new Choice(SEVERITIES);
		Matcher severity;
		while ((severity = reading.find(SEVERITY)) != null) {
			severities.add(severity.group(1), reading.negated(severity));
		}
		Choice statuses = new Choice(STATUSES);
		Matcher status;
		while ((status = reading.find(STATUS)) != null) {
			String named = switch (status.group(1)) {
				// not yet acknowledged by anyone: open
				case "unresolved", "open", "unacknowledged", "unacked" -> "open";
				case "acked", "acknowledged" -> "acknowledged";
				default -> "resolved";
			};
			statuses.add(named, reading.negated(status));
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
		return new EventClause(severities.values(), statuses.values(), sources, span, ofCis);
	}

	/**
	 * Values named and values negated: "critical or high" is either, "non-critical" every other one, and
	 * "acknowledged but not resolved" the named ones the negated leave.
	 */
	private record Choice(List<String> all, List<String> named, List<String> negated) {

		Choice(List<String> all) {
			this(all, new ArrayList<>(), new ArrayList<>());
		}

		void add(String value, boolean negatedValue) {
			(negatedValue ? this.negated : this.named).add(value);
		}

		List<String> values() {
			List<String> from = this.named.isEmpty() && !this.negated.isEmpty() ? this.all : this.named;
			return from.stream().filter((value) -> !this.negated.contains(value)).distinct().toList();
		}

	}

}
