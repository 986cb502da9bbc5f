package io.nopesight.correlation.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Services ({@code nopesight.services.*}): {@code history}, how far back a new service's health is worked out
 * from the events already stored; {@code backfilledEvent}, how long an event reported as already resolved
 * counts as active (from its time, or until its last occurrence if later); {@code quietAfter}, how long after its
 * last occurrence an event nobody resolved stops weighing (longer than Alertmanager's default repeat interval
 * of 4 h, so an alert still firing keeps weighing); {@code pollInterval}, how often
 * health follows what was committed; {@code maxDepth}, how many links below a component events still weigh.
 */
@ConfigurationProperties("nopesight.services")
public record ServiceSettings(@DefaultValue("35d") Duration history, @DefaultValue("5m") Duration backfilledEvent,
		@DefaultValue("6h") Duration quietAfter,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("6") int maxDepth) {
}
