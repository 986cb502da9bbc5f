package io.nopesight.analytics.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.nopesight.analytics.agent.JdbcAgentDecisionRepository.Pending;
import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;

/**
 * Checks past predictions against what happened: for each whose check time has passed, the average of the
 * metric over the forecast's bucket at that time (read through the metric store); measured, it is a hit when
 * inside the 80% interval. A prediction whose bucket has no data yet stays pending, and is tried again after
 * {@link #RETRY}.
 */
@Component
class PredictionChecks {

	static final int BATCH = 200;

	// a due prediction without data is tried again after this, so that it does not hold back the others
	static final Duration RETRY = Duration.ofMinutes(10);

	private final JdbcAgentDecisionRepository decisions;

	private final MetricStore metrics;

	private final Clock clock;

	PredictionChecks(JdbcAgentDecisionRepository decisions, MetricStore metrics, Clock clock) {
		this.decisions = decisions;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Checks up to {@link #BATCH} due predictions; returns how many could be measured.
	 */
	int checkDue() {
		Instant now = this.clock.instant();
		int measured = 0;
		for (Pending pending : this.decisions.pending(now, now.minus(RETRY), BATCH)) {
			Prediction prediction = pending.prediction();
			Duration step = prediction.step().isZero() ? Duration.ofHours(1) : prediction.step();
			MetricStep readStep = (step.compareTo(Duration.ofDays(1)) >= 0) ? MetricStep.DAY : MetricStep.HOUR;
			List<MetricSeries> series = this.metrics.read(new MetricSeriesQuery(prediction.ciId(), prediction.metric(),
					prediction.checkAt(), prediction.checkAt().plus(step), readStep, MetricAggregation.AVG));
			double sum = 0;
			int count = 0;
			for (MetricSeries one : series) {
				for (MetricSeries.Point point : one.points()) {
					sum += point.value();
					count++;
				}
			}
			if (count > 0) {
				double actual = sum / count;
				this.decisions.checked(pending, actual, prediction.hitBy(actual), now);
				measured++;
			}
			else {
				this.decisions.tried(pending, now);
			}
		}
		return measured;
	}

}
