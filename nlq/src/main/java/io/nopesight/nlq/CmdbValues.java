package io.nopesight.nlq;

import java.util.List;
import java.util.Map;

/**
 * The values the CMDB holds for the fields a question names by value (environments, departments, cost centres,
 * owners, operating systems, location prefixes, manufacturers, database engines), so that the reader matches
 * words to what exists rather than to a fixed list.
 */
record CmdbValues(Map<Condition.Field, List<String>> values) {

	CmdbValues {
		values = Map.copyOf(values);
	}

	List<String> of(Condition.Field field) {
		return this.values.getOrDefault(field, List.of());
	}

}
