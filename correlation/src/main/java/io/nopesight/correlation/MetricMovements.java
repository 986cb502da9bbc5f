package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;
import io.nopesight.correlation.RootCauseCandidate.MetricMovement;

/**
 * Which of a CI's usage metrics left its usual range first around the start of an incident: the first point
 * from an hour before the start to half an hour after that lies more than three standard deviations (and at
 * least ten points) above the mean of the five hours before.
 */
@Component
class MetricMovements {

	static final List<String> METRICS = List.of("cpu_usage", "memory_usage", "disk_usage");

	private static final Duration BASELINE = Duration.ofHours(6);

	private static final Duration LEAD = Duration.ofHours(1);

	private static final Duration AFTER = Duration.ofMinutes(30);

	private final MetricStore store;

	MetricMovements(MetricStore store) {
		this.store = store;
	}

	@Nullable MetricMovement movedFirst(String ciId, Instant start) {
		MetricMovement first = null;
		for (String metric : METRICS) {
			MetricMovement movement = moved(ciId, metric, start);
			if (movement != null && (first == null || movement.at().isBefore(first.at()))) {
				first = movement;
			}
		}
		return first;
	}

	private @Nullable MetricMovement moved(String ciId, String metric, Instant start) {
		Instant from = start.minus(BASELINE);
		Instant leadStart = start.minus(LEAD);
		List<MetricSeries> series;
		try {
			series = this.store.read(new MetricSeriesQuery(ciId, metric, from, start.plus(AFTER), MetricStep.RAW,
					MetricAggregation.AVG));
		}
		catch (RuntimeException ex) {
			// evidence, not the answer: an incident reads without it
			return null;
		}
		for (MetricSeries one : series) {
			double sum = 0;
			double squares = 0;
			int n = 0;
			for (MetricSeries.Point point : one.points()) {
				if (point.timestamp().isBefore(leadStart)) {
					sum += point.value();
					squares += point.value() * point.value();
					n++;
				}
			}
			if (n < 3) {
				continue;
			}
			double mean = sum / n;
			double deviation = Math.sqrt(Math.max(0, squares / n - mean * mean));
			double jump = Math.max(3 * deviation, 10);
			for (MetricSeries.Point point : one.points()) {
				if (!point.timestamp().isBefore(leadStart) && point.value() - mean > jump) {
					return new MetricMovement(metric, point.timestamp(), Math.round(mean * 10) / 10.0,
							Math.round(point.value() * 10) / 10.0);
				}
			}
		}
		return null;
	}

}
