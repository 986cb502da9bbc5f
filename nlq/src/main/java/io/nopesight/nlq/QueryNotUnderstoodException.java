package io.nopesight.nlq;

import java.util.List;

/**
 * A question that could not be read into a plan, with questions that would work.
 */
public class QueryNotUnderstoodException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> suggestions;

	public QueryNotUnderstoodException(String message, List<String> suggestions) {
		super(message);
		this.suggestions = List.copyOf(suggestions);
	}

	public List<String> suggestions() {
		return this.suggestions;
	}

}
