package io.nopesight.correlation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.correlation.PairModel.LabelledPair;
import io.nopesight.correlation.TopologyDistances.Relation;

import static org.assertj.core.api.Assertions.assertThat;

class PairModelTests {

	private static final Relation ONE_LINK = new Relation(Relation.Kind.UPSTREAM, 1, "a", "b", null);

	private static final Relation SAME_HOST = new Relation(Relation.Kind.SIBLING, 2, "a", "b", "host");

	private static final Relation SAME_CORE_SWITCH = new Relation(Relation.Kind.SIBLING, 4, "a", "b", "switch");

	@Test
	void priorsWhenFailureCanRunBetweenTheCisSayMinutesApartIsOneIncident() {
		PairModel model = PairModel.PRIORS;
		assertThat(model.probability(PairModel.features(ONE_LINK, 2, 0))).isGreaterThan(0.8);
		assertThat(model.probability(PairModel.features(ONE_LINK, 25, 0))).isLessThan(0.5);
		assertThat(model.probability(PairModel.features(SAME_HOST, 1, 1))).isGreaterThan(0.5);
		assertThat(model.probability(PairModel.features(SAME_CORE_SWITCH, 1, 1))).isLessThan(0.5);
		assertThat(model.probability(PairModel.features(Relation.NONE, 0, 1))).isLessThan(0.01);
	}

	@Test
	void fitWhenThereAreFewLabelsKeepsThePriors() {
		// given
		List<LabelledPair> labels = List.of(new LabelledPair(PairModel.features(SAME_HOST, 1, 1), false));
		// when
		PairModel model = PairModel.fit(labels, 10);
		// then
		assertThat(model).isSameAs(PairModel.PRIORS);
	}

	@Test
	void fitWhenOperatorsKeepSeparatingVmsOfOneHostLearnsToSeparateThem() {
		// given: operators moved VMs of a shared host apart again and again, and kept real cascades together
		List<LabelledPair> labels = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			labels.add(new LabelledPair(PairModel.features(SAME_HOST, i % 4, 1), false));
			labels.add(new LabelledPair(PairModel.features(ONE_LINK, i % 6, 0), true));
		}
		assertThat(PairModel.PRIORS.probability(PairModel.features(SAME_HOST, 1, 1))).isGreaterThan(0.5);
		// when
		PairModel model = PairModel.fit(labels, 10);
		// then
		assertThat(model.labels()).isEqualTo(60);
		assertThat(model.probability(PairModel.features(SAME_HOST, 1, 1))).isLessThan(0.5);
		assertThat(model.probability(PairModel.features(ONE_LINK, 2, 0))).isGreaterThan(0.5);
		assertThat(model.probability(PairModel.features(Relation.NONE, 1, 0))).isLessThan(0.5);
	}

}
