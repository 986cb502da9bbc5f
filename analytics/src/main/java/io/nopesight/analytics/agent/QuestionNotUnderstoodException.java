package io.nopesight.analytics.agent;

import java.util.List;

/**
 * Thrown when an agent cannot read what a question asks for. It does not guess: it says what it looked for
 * and gives examples of questions it does read. The API answers 422 {@code QUERY_NOT_UNDERSTOOD}.
 */
public class QuestionNotUnderstoodException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String agentId;

	private final List<String> examples;

	public QuestionNotUnderstoodException(String agentId, String message, List<String> examples) {
		super(message);
		this.agentId = agentId;
		this.examples = List.copyOf(examples);
	}

	public String agentId() {
		return this.agentId;
	}

	public List<String> examples() {
		return this.examples;
	}

}
