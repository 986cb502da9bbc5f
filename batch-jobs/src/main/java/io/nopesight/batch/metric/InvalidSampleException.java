package io.nopesight.batch.metric;

/**
 * A line of an import that cannot become a sample; the line is skipped and the reason reported.
 */
class InvalidSampleException extends Exception {

	private static final long serialVersionUID = 1L;

	InvalidSampleException(String reason) {
		super(reason, null, false, false);
	}

}
