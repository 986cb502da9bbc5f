package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a service did over a period: the share of the time it was not down ({@code availability}, in percent)
 * and not degraded either ({@code healthy}), against its SLA's availability target, with its outages.
 */
public record SlaReport(String serviceId, Instant from, Instant to, @Nullable Double target, double availability,
		double healthy, @Nullable Boolean met, double downMinutes, double degradedMinutes, List<Outage> outages) {

	public SlaReport {
		outages = List.copyOf(outages);
	}

	/**
	 * A stretch of time the service was down (cut to the period), with what it was down for when it began.
	 */
	public record Outage(Instant from, Instant to, boolean ongoing, double minutes,
			List<ServiceHealth.Reason> reasons) {

		public Outage {
			reasons = List.copyOf(reasons);
		}

	}

}
