package io.nopesight.nlq;

/**
 * A question's plan and the path that read it, shown as {@code interpretation.source}: {@code llm} (the
 * model's plan, checked against the schema and the CMDB's values) or {@code offline} ({@link QuestionReader}).
 */
record SourcedPlan(QueryPlan plan, String source) {

	static SourcedPlan offline(String question, CmdbValues values) {
		return new SourcedPlan(QuestionReader.read(question, values), "offline");
	}

	static SourcedPlan offline(String question, CmdbValues values, java.util.List<NameMention> mentions) {
		return new SourcedPlan(QuestionReader.read(question, values, mentions), "offline");
	}

}
