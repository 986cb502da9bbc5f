package io.nopesight.core.work;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Background work ({@code nopesight.work.*}): how many items a node runs at once ({@code workers}, over
 * all kinds), how long a node's lease on an item lasts without renewal ({@code lease}; renewed every third
 * of it), how often an idle node looks for queued work or lapsed leases ({@code poll-interval}), and how
 * long a stopping node waits for its running items to reach a point where they can be put back
 * ({@code shutdown-wait}).
 */
@ConfigurationProperties("nopesight.work")
public record WorkSettings(int workers, @Nullable Duration lease, @Nullable Duration pollInterval,
		@Nullable Duration shutdownWait) {

	public WorkSettings {
		workers = (workers > 0) ? workers : 4;
		lease = (lease != null) ? lease : Duration.ofSeconds(30);
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(1);
		shutdownWait = (shutdownWait != null) ? shutdownWait : Duration.ofSeconds(20);
	}

	Duration renewEvery() {
		return this.lease.dividedBy(3);
	}

}
