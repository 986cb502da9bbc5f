package io.nopesight.nlq;

import java.util.List;

/**
 * A question that could not be read into a plan, with questions that would work.
 */
public class QueryNotUnderstoodException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> suggestions;

	private final List<String> unread;

	public QueryNotUnderstoodException(String message, List<String> suggestions) {
		this(message, suggestions, List.of());
	}

	/** With the words of the question no rule read, which other wordings of them may be tried for. */
	public QueryNotUnderstoodException(String message, List<String> suggestions, List<String> unread) {
		super(message);
		this.suggestions = List.copyOf(suggestions);
		this.unread = List.copyOf(unread);
	}

	public List<String> unread() {
		return this.unread;
	}

	public List<String> suggestions() {
		return this.suggestions;
	}

}
