package io.nopesight.nlq;

import java.util.List;
import java.util.Map;

/**
 * The values the CMDB holds for the fields a question names by value (environments, departments, cost centres,
 * owners, operating systems, location prefixes, manufacturers, database engines, the role segments of
 * CI names such as WEB in PROD-WEB-01), the event sources, and the software products with the names of their CIs
 * (one per version), so that the reader matches
 * words to what exists rather than to a fixed list.
 */
record CmdbValues(Map<Condition.Field, List<String>> values, List<String> eventSources,
		Map<String, List<String>> software) {

	CmdbValues(Map<Condition.Field, List<String>> values) {
		this(values, List.of(), Map.of());
	}

	CmdbValues(Map<Condition.Field, List<String>> values, List<String> eventSources) {
		this(values, eventSources, Map.of());
	}

	/** The values of a field, with the CI names the question wrote (as the CMDB spells them) under NAME. */
	CmdbValues with(Condition.Field field, List<String> more) {
		Map<Condition.Field, List<String>> all = new java.util.EnumMap<>(Condition.Field.class);
		all.putAll(this.values);
		all.put(field, List.copyOf(more));
		return new CmdbValues(all, this.eventSources, this.software);
	}

	CmdbValues {
		values = Map.copyOf(values);
		eventSources = List.copyOf(eventSources);
		software = Map.copyOf(software);
	}

	List<String> of(Condition.Field field) {
		return this.values.getOrDefault(field, List.of());
	}

}
