package io.nopesight.nlq;

import java.util.List;

/**
 * A hop through the relationship graph from named CIs (the {@code anchors}): the answer is the CIs at the
 * {@code sources} end of relationships of these {@code types} that lead to an anchor ("what runs on H", "what
 * depends on D"), or at the {@code targets} end of the anchors' own relationships ("which servers host A", "what
 * does A depend on", the servers software is installed on). {@code transitive} follows the hops until nothing new
 * is reached ("what is impacted if X fails"), the anchors themselves excluded.
 */
public record RelationClause(String answer, List<String> types, List<String> anchors, boolean transitive,
		String from) {

	/** The CIs whose relationships lead to the anchors. */
	static final String SOURCES = "sources";

	/** The CIs the anchors' relationships lead to. */
	static final String TARGETS = "targets";

	public RelationClause {
		types = List.copyOf(types);
		anchors = List.copyOf(anchors);
	}

}
