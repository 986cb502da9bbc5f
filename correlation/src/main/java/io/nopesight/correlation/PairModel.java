package io.nopesight.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import smile.classification.LogisticRegression;

import io.nopesight.correlation.TopologyDistances.Relation;

/**
 * The probability that two events belong to the same incident: a logistic model over the pair's features
 * ({@link #FEATURES}). Before anyone has corrected a grouping it uses its priors, which say that events
 * minutes apart on CIs where failure can run from one to the other belong together, less so the more
 * links and minutes lie between them (much less when failure could only reach both from a common cause: two
 * machines on one host count, two machines behind one core switch hardly), and that events on CIs with no such
 * way between them do not.
 * Operators' corrections are labelled pairs; with enough of both kinds the model is fitted on them (Smile's
 * logistic regression), together with pairs drawn from the priors, so a handful of labels bends the priors
 * instead of replacing them.
 */
final class PairModel {

	static final List<String> FEATURES = List.of("minutes_apart", "links_between", "links_via_common_cause",
			"same_ci", "title_similarity", "no_way_between");

	static final PairModel PRIORS = new PairModel(new double[] { -0.25, -0.9, -1.2, 1.0, 1.0, -20.0 }, 3.0, 0);

	private final double[] weights;

	private final double intercept;

	private final int labels;

	PairModel(double[] weights, double intercept, int labels) {
		this.weights = weights.clone();
		this.intercept = intercept;
		this.labels = labels;
	}

	/**
	 * The features of a pair of events {@code minutes} apart whose CIs stand in {@code relation}, their titles
	 * {@code titleSimilarity} alike (0 to 1).
	 */
	static double[] features(Relation relation, double minutes, double titleSimilarity) {
		boolean directed = relation.directed();
		return new double[] { minutes, directed ? Math.min(relation.distance(), 8) : 0,
				(relation.kind() == Relation.Kind.SIBLING) ? Math.min(relation.distance(), 8) : 0,
				(relation.kind() == Relation.Kind.SAME) ? 1 : 0, titleSimilarity,
				(relation.kind() == Relation.Kind.NONE) ? 1 : 0 };
	}

	double probability(double[] features) {
		double z = this.intercept;
		for (int i = 0; i < this.weights.length; i++) {
			z += this.weights[i] * features[i];
		}
		return 1 / (1 + Math.exp(-z));
	}

	/**
	 * How many labelled pairs the model was fitted on (0: the priors).
	 */
	int labels() {
		return this.labels;
	}

	double[] weights() {
		return this.weights.clone();
	}

	double intercept() {
		return this.intercept;
	}

	/**
	 * The model fitted on labelled pairs, or the priors while there are fewer than {@code minLabels} of either
	 * kind.
	 */
	static PairModel fit(List<LabelledPair> labelled, int minLabels) {
		long same = labelled.stream().filter(LabelledPair::same).count();
		long different = labelled.size() - same;
		if (same < minLabels || different < minLabels) {
			return PRIORS;
		}
		List<double[]> x = new ArrayList<>();
		List<Integer> y = new ArrayList<>();
		priorSamples(x, y);
		// a person's word weighs more than a prior's guess
		for (int copy = 0; copy < 3; copy++) {
			for (LabelledPair pair : labelled) {
				x.add(pair.features());
				y.add(pair.same() ? 1 : 0);
			}
		}
		LogisticRegression.Binomial fitted = LogisticRegression.binomial(x.toArray(double[][]::new),
				y.stream().mapToInt(Integer::intValue).toArray(), 0.05, 1e-5, 500);
		double[] coefficients = fitted.coefficients();
		return new PairModel(Arrays.copyOf(coefficients, FEATURES.size()), coefficients[FEATURES.size()],
				labelled.size());
	}

	// a grid over the features, each labelled as the priors call it
	private static void priorSamples(List<double[]> x, List<Integer> y) {
		double[] minutes = { 0, 1, 3, 6, 10, 15, 20, 30 };
		for (double m : minutes) {
			for (int kind = 0; kind < 4; kind++) {
				for (int distance = 0; distance <= 5; distance++) {
					for (double text : new double[] { 0, 0.5, 1 }) {
						double[] f = switch (kind) {
							case 0 -> new double[] { m, 0, 0, 1, text, 0 };
							case 1 -> new double[] { m, Math.max(1, distance), 0, 0, text, 0 };
							case 2 -> new double[] { m, 0, Math.max(2, distance), 0, text, 0 };
							default -> new double[] { m, 0, 0, 0, text, 1 };
						};
						x.add(f);
						y.add((PRIORS.probability(f) >= 0.5) ? 1 : 0);
					}
				}
			}
		}
	}

	/**
	 * Two events a person put together ({@code same}) or apart, with their features when it happened.
	 */
	record LabelledPair(double[] features, boolean same) {
	}

}
