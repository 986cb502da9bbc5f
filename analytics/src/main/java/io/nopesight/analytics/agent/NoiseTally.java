package io.nopesight.analytics.agent;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.nopesight.analytics.agent.EventAnalysis.NoiseCount;
import io.nopesight.correlation.Event;
import io.nopesight.correlation.Severity;

/**
 * Events counted per source and per CI: distinct events, occurrences (an event's duplicates included) and the
 * worst severity; at most {@link #MAX_EVENTS}, newest first.
 */
final class NoiseTally {

	static final int MAX_EVENTS = 50_000;

	static final int PAGE = 500;

	static final int TOP = 10;

	private final Map<String, Count> sources = new HashMap<>();

	private final Map<String, Count> cis = new HashMap<>();

	private long events;

	private long occurrences;

	void add(Event event) {
		this.events++;
		this.occurrences += event.count();
		this.sources.computeIfAbsent(event.source(), (k) -> new Count()).add(event);
		event.affectedCis().stream().distinct().forEach((ci) -> this.cis.computeIfAbsent(ci, (k) -> new Count()).add(event));
	}

	long events() {
		return this.events;
	}

	long occurrences() {
		return this.occurrences;
	}

	List<NoiseCount> topSources() {
		return top(this.sources, Function.identity());
	}

	List<NoiseCount> topCis(Function<String, String> names) {
		return top(this.cis, names);
	}

	private List<NoiseCount> top(Map<String, Count> counts, Function<String, String> names) {
		return counts.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, Count> e) -> e.getValue().occurrences)
				.reversed()
				.thenComparing(Map.Entry::getKey))
			.limit(TOP)
			.map((e) -> new NoiseCount(e.getKey(), names.apply(e.getKey()), e.getValue().events,
					e.getValue().occurrences, e.getValue().worst.value(),
					(this.occurrences > 0) ? Math.round(1000.0 * e.getValue().occurrences / this.occurrences) / 1000.0 : 0))
			.toList();
	}

	private static final class Count {

		long events;

		long occurrences;

		Severity worst = Severity.LOW;

		void add(Event event) {
			this.events++;
			this.occurrences += event.count();
			this.worst = Severity.worst(this.worst, event.severity());
		}

	}

}
