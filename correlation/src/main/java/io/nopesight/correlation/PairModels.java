package io.nopesight.correlation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The pair model in use on this node: the priors until operators' corrections are enough to fit one, then
 * the fitted one, refitted whenever people change the grouping.
 */
@Component
class PairModels {

	private static final Logger logger = LoggerFactory.getLogger(PairModels.class);

	private final JdbcCorrelationLabelRepository labels;

	private final CorrelationSettings settings;

	private volatile PairModel current = PairModel.PRIORS;

	PairModels(JdbcCorrelationLabelRepository labels, CorrelationSettings settings) {
		this.labels = labels;
		this.settings = settings;
	}

	PairModel current() {
		return this.current;
	}

	void refit() {
		PairModel fitted = PairModel.fit(this.labels.all(), this.settings.minLabels());
		if (fitted.labels() != this.current.labels()) {
			logger.info("Pair model {} ({} labelled pairs)", (fitted.labels() > 0) ? "fitted" : "back on its priors",
					fitted.labels());
		}
		this.current = fitted;
	}

}
