package io.nopesight.nlq;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.nopesight.analytics.AnomalyEpisode;
import io.nopesight.analytics.AnomalyReport;
import io.nopesight.analytics.Forecasts;
import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;

/**
 * Facts about the CIs of a metric answer, from their series over the window, in the analyst's time zone: how
 * long each was over the line ({@code duration_above_threshold}), how many crossed it only in business hours,
 * the hour the peaks come at, which ones trend up, and the anomalies the first few show.
 */
@Component
class MetricInsights {

	/** The most CIs whose series are read for insights. */
	static final int MAX_CIS = 200;

	/** The CIs whose anomalies are looked for (a model is fitted per series). */
	static final int ANOMALY_CIS = 3;

	// a rise of a third of a point of percentage a day (ten points a month) is a trend worth telling
	private static final double TREND_PER_DAY = 0.3;

	// an anomaly worth telling departs from what was expected by at least this many points of percentage
	private static final double NOTABLE_DEVIATION = 5.0;

	private static final int BUSINESS_START = 8;

	private static final int BUSINESS_END = 18;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private final @Nullable MetricStore store;

	private final @Nullable Forecasts forecasts;

	MetricInsights(@Nullable MetricStore store, @Nullable Forecasts forecasts) {
		this.store = store;
		this.forecasts = forecasts;
	}

	/** The facts, and the rows with the time each spent over the line when the question draws one. */
	Insights of(MetricClause metric, List<Map<String, @Nullable Object>> rows, Instant asOf, ZoneId zone) {
		if (this.store == null || rows.isEmpty() || rows.size() > MAX_CIS || !rows.get(0).containsKey("ci_id")) {
			return new Insights(rows, List.of());
		}
		Instant from = asOf.minus(metric.window());
		// hourly roll-ups cover every window; raw samples may already be rolled up past the retention of detail
		MetricStep step = MetricStep.HOUR;
		List<String> ids = rows.stream().map((r) -> (String) r.get("ci_id")).toList();
		Map<String, double[][]> series = series(ids, metric.metric(), from, asOf, step);
		Map<String, String> names = new HashMap<>();
		rows.forEach((r) -> names.put((String) r.get("ci_id"), String.valueOf(r.get("name"))));
		List<String> facts = new ArrayList<>();
		String what = metric.shortName().toUpperCase(Locale.ROOT).replace("DISK", "disk").replace("MEMORY", "memory");
		List<Map<String, @Nullable Object>> shown = rows;
		boolean line = metric.threshold() != null && ">".equals(metric.operator()) && !metric.predicted();
		if (line) {
			shown = withDurations(rows, series, metric.threshold(), step);
			businessHours(series, metric.threshold(), zone, what).ifPresent(facts::add);
		}
		peakHour(series, zone).ifPresent(facts::add);
		trends(series, names).ifPresent(facts::add);
		facts.addAll(anomalies(ids, names, metric.metric(), from, asOf, zone));
		return new Insights(shown, facts);
	}

	/** Each CI's points as {@code [epochSecond, value]}, the highest of its series at each point (its fullest disk). */
	private Map<String, double[][]> series(List<String> ids, String metric, Instant from, Instant to, MetricStep step) {
		Map<String, TreeMap<Long, Double>> points = new LinkedHashMap<>();
		for (MetricSeries series : java.util.Objects.requireNonNull(this.store)
			.read(new MetricSeriesQuery(ids, metric, from, to, step, MetricAggregation.AVG))) {
			TreeMap<Long, Double> ci = points.computeIfAbsent(series.ciId(), (k) -> new TreeMap<>());
			for (MetricSeries.Point point : series.points()) {
				ci.merge(point.timestamp().getEpochSecond(), point.value(), Math::max);
			}
		}
		Map<String, double[][]> arrays = new LinkedHashMap<>();
		points.forEach((ci, values) -> arrays.put(ci, values.entrySet()
			.stream()
			.map((e) -> new double[] { e.getKey(), e.getValue() })
			.toArray(double[][]::new)));
		return arrays;
	}

	private static List<Map<String, @Nullable Object>> withDurations(List<Map<String, @Nullable Object>> rows,
			Map<String, double[][]> series, double threshold, MetricStep step) {
		return rows.stream().map((row) -> {
			double[][] points = series.get((String) row.get("ci_id"));
			if (points == null) {
				return row;
			}
			long above = java.util.Arrays.stream(points).filter((p) -> p[1] > threshold).count();
			Map<String, @Nullable Object> with = new LinkedHashMap<>(row);
			with.put("duration_above_threshold", duration(step.width().multipliedBy(above)));
			return with;
		}).toList();
	}

	private static java.util.Optional<String> businessHours(Map<String, double[][]> series, double threshold,
			ZoneId zone, String what) {
		int over = 0;
		int onlyBusiness = 0;
		for (double[][] points : series.values()) {
			long above = 0;
			long inBusiness = 0;
			for (double[] p : points) {
				if (p[1] > threshold) {
					above++;
					inBusiness += businessHour(p[0], zone) ? 1 : 0;
				}
			}
			over += (above > 0) ? 1 : 0;
			onlyBusiness += (above > 0 && inBusiness == above) ? 1 : 0;
		}
		if (over == 0) {
			return java.util.Optional.empty();
		}
		String hours = String.format(Locale.ROOT, "business hours (Mon-Fri %02d:00-%02d:00 %s)", BUSINESS_START,
				BUSINESS_END, zone.getId());
		if (onlyBusiness == 0) {
			return java.util.Optional.of(String.format(Locale.ROOT, "All %d are over %s%% %s outside %s too", over,
					trim(threshold), what, hours));
		}
		return java.util.Optional.of(String.format(Locale.ROOT, "%d of %d exceed %s%% %s only in %s", onlyBusiness,
				over, trim(threshold), what, hours));
	}

	private static boolean businessHour(double epochSecond, ZoneId zone) {
		ZonedDateTime at = Instant.ofEpochSecond((long) epochSecond).atZone(zone);
		return at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY
				&& at.getHour() >= BUSINESS_START && at.getHour() < BUSINESS_END;
	}

	/** The local hour at which most of the CIs reach their highest point. */
	private static java.util.Optional<String> peakHour(Map<String, double[][]> series, ZoneId zone) {
		Map<Integer, Integer> byHour = new TreeMap<>();
		for (double[][] points : series.values()) {
			double[] peak = java.util.Arrays.stream(points).max(Comparator.comparingDouble((p) -> p[1])).orElse(null);
			if (peak != null) {
				byHour.merge(Instant.ofEpochSecond((long) peak[0]).atZone(zone).getHour(), 1, Integer::sum);
			}
		}
		return byHour.entrySet().stream().max(Map.Entry.comparingByValue()).filter((e) -> e.getValue() > 1).map((e) ->
				String.format(Locale.ROOT, "The peaks come most often at %02d:00-%02d:00 %s: %d of %d", e.getKey(),
						(e.getKey() + 1) % 24, zone.getId(), e.getValue(), series.size()));
	}

	/** The CIs whose least-squares line over the window rises by at least a point a day. */
	private static java.util.Optional<String> trends(Map<String, double[][]> series, Map<String, String> names) {
		Map<String, Double> rising = new TreeMap<>();
		series.forEach((ci, points) -> {
			double perDay = slopePerDay(points);
			if (perDay >= TREND_PER_DAY) {
				rising.put(names.getOrDefault(ci, ci), perDay);
			}
		});
		if (rising.isEmpty()) {
			return java.util.Optional.empty();
		}
		List<String> told = rising.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(5)
			.map((e) -> String.format(Locale.ROOT, "%s (+%.1f a day)", e.getKey(), e.getValue()))
			.toList();
		return java.util.Optional.of(rising.size() + " trend up over the window: " + String.join(", ", told)
				+ ((rising.size() > told.size()) ? ", ..." : ""));
	}

	static double slopePerDay(double[][] points) {
		if (points.length < 3) {
			return 0;
		}
		double n = points.length;
		double meanX = java.util.Arrays.stream(points).mapToDouble((p) -> p[0]).sum() / n;
		double meanY = java.util.Arrays.stream(points).mapToDouble((p) -> p[1]).sum() / n;
		double sxy = 0;
		double sxx = 0;
		for (double[] p : points) {
			sxy += (p[0] - meanX) * (p[1] - meanY);
			sxx += (p[0] - meanX) * (p[0] - meanX);
		}
		return (sxx == 0) ? 0 : sxy / sxx * 86_400;
	}

	private List<String> anomalies(List<String> ids, Map<String, String> names, String metric, Instant from,
			Instant to, ZoneId zone) {
		List<String> facts = new ArrayList<>();
		if (this.forecasts == null) {
			return facts;
		}
		for (String ci : ids.subList(0, Math.min(ANOMALY_CIS, ids.size()))) {
			AnomalyReport report;
			try {
				report = this.forecasts.anomalies(ci, metric, from, to);
			}
			catch (RuntimeException ex) {
				// a series too short to model has no anomalies to tell; the answer stands without them
				continue;
			}
			report.episodes()
				.stream()
				.filter((e) -> Math.abs(e.deviation()) >= NOTABLE_DEVIATION)
				.max(Comparator.comparingDouble((AnomalyEpisode e) -> Math.abs(e.sigmas())))
				.ifPresent((e) -> facts.add(String.format(Locale.ROOT,
						"Anomaly on %s: %s %s its expected range from %s to %s %s, %s%% where about %s%% was expected (%.1f sigma)",
						names.getOrDefault(ci, ci), metric, e.direction(), WHEN.format(e.start().atZone(zone)),
						WHEN.format(e.end().atZone(zone)), zone.getId(), trim(e.peakValue()), trim(e.expected()),
						Math.abs(e.sigmas()))));
		}
		return facts;
	}

	private static String duration(Duration duration) {
		long hours = duration.toHours();
		long minutes = duration.toMinutesPart();
		return (hours >= 24) ? (hours / 24) + "d " + (hours % 24) + "h" : hours + "h " + minutes + "m";
	}

	private static String trim(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	/** The rows as shown, and the facts about them. */
	record Insights(List<Map<String, @Nullable Object>> rows, List<String> facts) {
	}

}
