package io.nopesight.core.cmdb;

/**
 * One relationship as a way failure travels: from {@code upstream} to {@code downstream}. {@code upstreamIsTarget}
 * says which end of the relationship the upstream CI is, so the relationship can be told as it was made
 * ("A runs on B" when B is the target and upstream).
 */
public record ImpactLink(String relationshipId, String relationshipType, String upstream, String downstream,
		boolean upstreamIsTarget, String discoveredBy, double confidence) {
}
