package io.nopesight.nlq;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads what a question asks of a metric: which one (CPU, memory, disk), over which window back from
 * {@code as_of} (7 days when none is named), with which condition ("high" is an average above 80, "low",
 * "idle" and "underutilized" below 20, "above 90%" an average above 90, "peaked above 90" a maximum above
 * 90), or a ranking ("top 5") or one figure ("average", "highest").
 */
final class MetricReader {

	static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

	// the "on" of "short on memory" and the "of" of "almost out of disk" belong to HIGH
	private static final Pattern METRIC = Pattern.compile("\\b(?:(?<!(?:short|low|out)\\s)(?:on|in|for|of)\\s+)?"
			+ "(cpu|processor|load|memory|ram|disks?|storage|space)\\b"
			+ "(?:\\s+(?:usage|utili[sz]ation|use|used|load|consumption|space|capacity))?");

	// "will run out of disk", "are about to fill up", "projected to exhaust memory"
	private static final Pattern EXHAUSTION = Pattern.compile("\\b(?:(?:will|would|are|is|going\\s+to|projected\\s+to"
			+ "|expected\\s+to|forecast(?:ed)?\\s+to|predicted\\s+to|likely\\s+to|about\\s+to|set\\s+to|might|may|could)\\s+)*"
			+ "(?:run(?:ning|s)?\\s+out\\s+of|fill(?:ing|s)?\\s+up|fill(?:ing|s)?\\s+(?:up\\s+)?(?:their|its|the)(?=\\s+(?:disks?|storage|memory))"
			+ "|exhaust(?:ed|ing|s)?|be(?:come)?\\s+full"
			+ "|(?:reach(?:es|ing)?|hit(?:s|ting)?)\\s+(?:full\\s+capacity|capacity|100\\s*(?:%|percent)))");

	// "in the next 30 days", "over the coming quarter", and with no "next": "within 90 days", "in a month"
	static final Pattern HORIZON = Pattern.compile("\\b(?:(?:(?:in|within|over|during|by|for)\\s+)?(?:the\\s+)?(?:next|coming)\\s+"
			+ "|(?:in|within)\\s+(?:the\\s+|an?\\s+)?)(?:(\\d{1,4})\\s+(days?|weeks?|months?)|(week|month|quarter|year))\\b"
			+ "|\\bsoon\\b");

	static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

	// the history a forecast is fitted to: the 30 days the demo and the roll-ups keep at full detail
	static final Duration FORECAST_HISTORY = Duration.ofDays(30);

	private static final Pattern IDLE = Pattern.compile("\\b(under-?utili[sz]ed|idle|underused)\\b");

	private static final Pattern PEAK = Pattern.compile(
			"\\b(?:peaked|peaking|spiked|spiking|peaks?|spikes?|maxed|reached)\\s+(?:at\\s+)?(above|over|beyond|past|below|under)\\s+"
					+ "(\\d+(?:\\.\\d+)?)\\s*(?:%|percent)?");

	private static final Pattern LEVEL = Pattern.compile("\\b(above|over|more\\s+than|greater\\s+than|higher\\s+than|exceeding"
			+ "|exceeded|exceeds|exceed|went\\s+above|went\\s+over|stayed\\s+above|stayed\\s+below|went\\s+below"
			+ "|at\\s+least|below|under|less\\s+than|lower\\s+than|at\\s+most)\\s+(\\d+(?:\\.\\d+)?)\\s*(?:%|percent)");

	private static final Pattern HIGH = Pattern.compile("\\b(high|heavy|running\\s+hot|hot|busy|(?:running\\s+)?short\\s+on"
			+ "|(?:almost|nearly)\\s+out\\s+of|(?:running\\s+)?low\\s+on|low|light)\\b");

	private static final Pattern TOP = Pattern.compile("\\b(?:top|the|which|bottom|first|lowest|highest|least|most)\\s+(\\d{1,4})\\b"
			+ "|\\b(busiest|most\\s+loaded|least\\s+loaded|quietest|least\\s+(?:utili[sz]ed|used|busy)|most\\s+(?:utili[sz]ed|used))\\b");

	// words of load with no metric named: "busy servers", "the 5 busiest servers" speak of CPU
	private static final Pattern BUSY = Pattern.compile("\\b(?:busy|busiest|running\\s+hot|hot|most\\s+loaded"
			+ "|least\\s+loaded|quietest|least\\s+(?:utili[sz]ed|used|busy)|most\\s+(?:utili[sz]ed|used))\\b");

	private static final Pattern BOTTOM = Pattern.compile("\\b(?:bottom|lowest|least)\\s+\\d");

	// "which server has the highest ...": the question asks for a CI, ranked first
	private static final Pattern WHICH_ONE = Pattern.compile("\\b(?:which|what)\\s+(?:server|machine|host|box|vm|virtual\\s+machine"
			+ "|workstation|desktop|laptop|database|db|application|app|ci|one|device)\\s+(?:has|had|have|is|was|shows?|showed"
			+ "|with|sees|saw|uses|used)\\s+(?:the\\s+)?$");

	private static final Pattern AGGREGATE = Pattern.compile("\\b(average|mean|avg|highest|peak|maximum|max|lowest|minimum|min)\\b");

	static final Pattern WINDOW = Pattern.compile("\\b(?:(?:in|over|during|for|within|since)\\s+)?(?:the\\s+)?"
			+ "(?:(?:last|past|previous|this\\s+past)\\s+(\\d{1,4})\\s+(hours?|days?|weeks?|months?)"
			+ "|(?:last|past|previous|this\\s+past|this)\\s+(hour|day|week|fortnight|month|24\\s+hours)|(yesterday|today))\\b");

	private MetricReader() {
	}

	static @Nullable MetricClause read(QuestionReader.Reading reading, boolean count) {
		Matcher exhaustion = reading.find(EXHAUSTION);
		if (exhaustion != null) {
			return predicted(reading, exhaustion);
		}
		Matcher window = reading.find(WINDOW);
		Matcher idle = reading.find(IDLE);
		Matcher metricWord = reading.find(METRIC);
		boolean busy = BUSY.matcher(reading.text()).find();
		if (metricWord == null && idle == null && !busy) {
			if (window != null) {
				reading.unconsume(window);
			}
			return null;
		}
		String metric = (metricWord == null) ? "cpu_usage" : metricOf(metricWord.group(1));
		Duration span = (window != null) ? span(window) : DEFAULT_WINDOW;
		String from = (metricWord != null) ? metricWord.group().strip() : (idle != null) ? idle.group() : "cpu";
		Matcher peak = reading.find(PEAK);
		if (peak != null) {
			return clause(metric, span, "max", below(peak.group(1)) ? "<" : ">", Double.parseDouble(peak.group(2)), null,
					false, null, peak.group());
		}
		Matcher level = reading.find(LEVEL);
		if (level != null) {
			// "running hot with CPU above 48%": the number says how hot
			reading.find(HIGH);
			// "average CPU above 80%" says what a bare level means; "maximum CPU above 90%" asks of the peak
			Matcher of = reading.find(AGGREGATE);
			String aggregation = (of != null && !of.group(1).startsWith("av") && !of.group(1).equals("mean")) ? "max" : "avg";
			return clause(metric, span, aggregation, below(level.group(1)) ? "<" : ">", Double.parseDouble(level.group(2)),
					null, false, null, level.group());
		}
		if (idle != null) {
			return clause(metric, span, "avg", "<", 20.0, null, false, null, idle.group());
		}
		Matcher top = reading.find(TOP);
		if (top != null) {
			boolean ascending = (top.group(2) != null && (top.group(2).startsWith("least") || top.group(2).startsWith("quiet")))
					|| BOTTOM.matcher(top.group()).find();
			Integer n = (top.group(1) != null) ? Integer.valueOf(top.group(1)) : null;
			Matcher direction = reading.find(Pattern.compile(
					"\\b(lowest|least|quietest|highest|most|busiest)(?:\\s+(?:loaded|used|utili[sz]ed|busy))?\\b"));
			if (direction != null) {
				ascending = direction.group(1).equals("lowest") || direction.group(1).equals("least")
						|| direction.group(1).equals("quietest");
			}
			if (n != null || !count) {
				return clause(metric, span, null, null, null, (n != null) ? n : 1, ascending, null, top.group());
			}
		}
		Matcher high = reading.find(HIGH);
		if (high == null && metricWord == null && idle == null) {
			reading.find(BUSY);
			return clause(metric, span, "avg", ">", 80.0, null, false, null, from);
		}
		if (high != null) {
			String word = high.group(1);
			boolean low = word.equals("low") || word.equals("light");
			return clause(metric, span, "avg", low ? "<" : ">", low ? 20.0 : 80.0, null, false, null, high.group());
		}
		Matcher which = reading.find(AGGREGATE, (m) -> WHICH_ONE.matcher(reading.text().substring(0, m.start())).find());
		if (which != null) {
			String word = which.group(1);
			boolean lowest = word.startsWith("low") || word.startsWith("min");
			return clause(metric, span, null, null, null, 1, lowest, null, which.group());
		}
		Matcher aggregate = reading.find(AGGREGATE);
		if (aggregate != null) {
			String word = aggregate.group(1);
			String kind = (word.startsWith("av") || word.equals("mean")) ? "avg"
					: (word.startsWith("low") || word.startsWith("min")) ? "min" : "max";
			return clause(metric, span, null, null, null, null, false, kind, aggregate.group());
		}
		// a metric named with nothing asked of it: the rows carry its figures
		return clause(metric, span, null, null, null, null, false, null, from);
	}

	/** "servers that will run out of disk in the next 30 days": disk unless another metric is named. */
	private static MetricClause predicted(QuestionReader.Reading reading, Matcher exhaustion) {
		Matcher metricWord = reading.find(METRIC);
		Matcher horizon = reading.find(HORIZON);
		Duration ahead = (horizon != null) ? horizon(horizon) : DEFAULT_HORIZON;
		String metric = (metricWord != null) ? metricOf(metricWord.group(1)) : "disk_usage";
		return new MetricClause(metric, FORECAST_HISTORY, "forecast", ">=", 100.0, null, false, null,
				exhaustion.group() + ((metricWord != null) ? " " + metricWord.group().strip() : ""), ahead);
	}

	private static Duration horizon(Matcher horizon) {
		if (horizon.group(1) != null) {
			long n = Long.parseLong(horizon.group(1));
			String unit = horizon.group(2);
			return unit.startsWith("day") ? Duration.ofDays(n)
					: unit.startsWith("week") ? Duration.ofDays(7 * n) : Duration.ofDays(30 * n);
		}
		String named = (horizon.group(3) != null) ? horizon.group(3) : "month";
		return switch (named) {
			case "week" -> Duration.ofDays(7);
			case "quarter" -> Duration.ofDays(90);
			case "year" -> Duration.ofDays(365);
			default -> Duration.ofDays(30);
		};
	}

	private static MetricClause clause(String metric, Duration span, @Nullable String aggregation,
			@Nullable String operator, @Nullable Double threshold, @Nullable Integer top, boolean ascending,
			@Nullable String aggregate, String from) {
		return new MetricClause(metric, span, aggregation, operator, threshold, top, ascending, aggregate, from);
	}

	private static boolean below(String word) {
		return word.contains("below") || word.startsWith("under") || word.startsWith("less") || word.startsWith("lower")
				|| word.startsWith("at most");
	}

	private static String metricOf(String word) {
		return switch (word) {
			case "cpu", "processor", "load" -> "cpu_usage";
			case "memory", "ram" -> "memory_usage";
			default -> "disk_usage";
		};
	}

	static Duration span(Matcher window) {
		if (window.group(1) != null) {
			long n = Long.parseLong(window.group(1));
			String unit = window.group(2);
			return unit.startsWith("hour") ? Duration.ofHours(n)
					: unit.startsWith("day") ? Duration.ofDays(n)
							: unit.startsWith("week") ? Duration.ofDays(7 * n) : Duration.ofDays(30 * n);
		}
		String named = (window.group(3) != null) ? window.group(3) : window.group(4);
		return switch (named.replaceAll("\\s+", " ")) {
			case "hour" -> Duration.ofHours(1);
			case "day", "24 hours", "yesterday", "today" -> Duration.ofHours(24);
			case "week" -> Duration.ofDays(7);
			case "fortnight" -> Duration.ofDays(14);
			default -> Duration.ofDays(30);
		};
	}

}
