package io.nopesight.nlq;

import java.util.List;

/**
 * A hop through the relationship graph from named CIs (the {@code anchors}): the answer is the CIs at the
 * {@code sources} end of relationships of these {@code types} that lead to an anchor ("what runs on H", "what
 * depends on D"), or at the {@code targets} end of the anchors' own relationships ("which servers host A", "what
 * does A depend on", the servers software is installed on). {@code transitive} follows the hops until nothing new
 * is reached ("what is impacted if X fails"), the anchors themselves excluded; {@code either} end for a
 * relationship with no direction that matters (a cable: "what is connected to ACC-SW-03").
 */
public record RelationClause(String answer, List<String> types, List<String> anchors, boolean transitive,
		String from) {

	/** The CIs whose relationships lead to the anchors. */
	static final String SOURCES = "sources";

	/** The CIs the anchors' relationships lead to. */
	static final String TARGETS = "targets";

	/** The CIs at the other end, whichever way the relationship points: a cable ("connected to ACC-SW-03"). */
	static final String EITHER = "either";

	public RelationClause {
		types = List.copyOf(types);
		anchors = List.copyOf(anchors);
	}

}
