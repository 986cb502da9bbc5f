package io.nopesight.correlation;

/**
 * Another event correlated with a given one: {@code score} is the pair model's probability that both
 * belong to the same incident; {@code reason} says why in words a person can check.
 */
public record CorrelatedEvent(String id, double score, CorrelationType type, String reason, String title,
		String incidentId) {
}
