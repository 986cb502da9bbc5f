package io.nopesight.correlation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Correlation ({@code nopesight.correlation.*}): {@code window}, how far apart in time two events may be
 * and still be one incident; {@code threshold}, the pair model's probability from which an event joins an
 * incident; {@code maxDepth}, how many links failure is followed through the topology; {@code batch}, how
 * many events the correlator places per transaction; {@code pollInterval}, how often it looks for events
 * taken in by other nodes; {@code minLabels}, how many labelled pairs of each kind (same incident, not) the
 * pair model needs before it is fitted on them instead of its priors.
 */
@ConfigurationProperties("nopesight.correlation")
public record CorrelationSettings(@DefaultValue("30m") Duration window, @DefaultValue("0.5") double threshold,
		@DefaultValue("6") int maxDepth, @DefaultValue("500") int batch, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("10") int minLabels) {
}
