package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.nopesight.correlation.JdbcEventRepository.PlacedEvent;

/**
 * How long events waited from intake to their placement in an incident (committed), over the last
 * {@link #KEPT} placed on this node: for the benchmark and the log.
 */
final class PlacementLatency {

	static final int KEPT = 200_000;

	private final long[] micros = new long[KEPT];

	private long recorded;

	synchronized void record(List<PlacedEvent> batch, Instant placedAt) {
		for (PlacedEvent event : batch) {
			this.micros[(int) (this.recorded % KEPT)] = Math.max(0,
					Duration.between(event.receivedAt(), placedAt).toNanos() / 1000);
			this.recorded++;
		}
	}

	synchronized void reset() {
		this.recorded = 0;
	}

	synchronized long count() {
		return this.recorded;
	}

	/**
	 * The {@code p}th percentile (0-100) of what is kept, in microseconds.
	 */
	synchronized long percentile(double p) {
		int n = (int) Math.min(this.recorded, KEPT);
		if (n == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(this.micros, n);
		Arrays.sort(sorted);
		return sorted[(int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100 * n) - 1))];
	}

}
