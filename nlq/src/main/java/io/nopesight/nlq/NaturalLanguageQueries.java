package io.nopesight.nlq;

/**
 * Answers an analyst's question about the estate.
 */
public interface NaturalLanguageQueries {

	/**
	 * @throws QueryNotUnderstoodException when the question cannot be read into a plan (with suggestions)
	 * @throws io.nopesight.core.InvalidInputException when the question is empty or too long
	 */
	QueryAnswer ask(Question question);

}
