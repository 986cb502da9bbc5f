package io.nopesight.core.database;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The UTC days whose partition of a day-partitioned table this node has made sure of, so that a write does not
 * ask the database every time. A day old enough for retention to drop is never trusted: another node's
 * retention may have dropped it without this node knowing.
 */
public final class KnownPartitions {

	private final Set<LocalDate> days = ConcurrentHashMap.newKeySet();

	private final Supplier<Duration> retention;

	/**
	 * @param retention how old a day may be before retention drops it (read on each call, so a changed setting
	 * counts at once)
	 */
	public KnownPartitions(Supplier<Duration> retention) {
		this.retention = retention;
	}

	/**
	 * Whether each of the days can be written without making sure of its partition first.
	 */
	public boolean allKnown(Collection<LocalDate> days) {
		Instant droppable = Instant.now().minus(this.retention.get());
		return days.stream()
			.allMatch((day) -> this.days.contains(day) && day.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(droppable));
	}

	/**
	 * Records that the days' partitions were made sure of.
	 */
	public void remember(Collection<LocalDate> days) {
		this.days.addAll(days);
	}

	/**
	 * Forgets every day, after this node dropped partitions.
	 */
	public void forget() {
		this.days.clear();
	}

}
