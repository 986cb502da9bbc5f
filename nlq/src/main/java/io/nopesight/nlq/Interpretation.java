package io.nopesight.nlq;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a question was read as, so that an analyst can see and correct it: which path read it
 * ({@code llm} or {@code offline}), the entity, the filters, the grouping, the answer type, what
 * was asked of a metric or of events, the hop through relationships, over which window {@code [from, to)}; with
 * the reference's summary of it ({@code entities}, {@code time_range}).
 */
public record Interpretation(String source, String entity, List<Condition> filters, @Nullable String groupBy,
		String answerType, @Nullable MetricClause metric, @Nullable EventClause events,
		@Nullable RelationClause relation, @Nullable Instant from,
		@Nullable Instant to) {

	public Interpretation {
		filters = List.copyOf(filters);
	}

	/** What the question is about, as the API reference lists them: the entity and the metric ({@code servers}, {@code cpu_usage}). */
	@com.fasterxml.jackson.annotation.JsonProperty("entities")
	public List<String> entities() {
		List<String> entities = new java.util.ArrayList<>();
		entities.add(this.entity.equals("ci") ? "cis" : this.entity.endsWith("s") ? this.entity : this.entity + "s");
		if (this.metric != null) {
			entities.add(this.metric.metric());
		}
		if (this.events != null && !this.entity.equals("event")) {
			entities.add("events");
		}
		return entities;
	}

	/** The window as the API reference names it: {@code last_7_days}, {@code last_24_hours}; null without one. */
	@com.fasterxml.jackson.annotation.JsonProperty("time_range")
	public @Nullable String timeRange() {
		if (this.from == null || this.to == null) {
			return null;
		}
		java.time.Duration window = java.time.Duration.between(this.from, this.to);
		return (window.toHours() % 24 != 0 || window.toDays() == 0) ? "last_" + window.toHours() + "_hours"
				: "last_" + window.toDays() + "_days";
	}

}
