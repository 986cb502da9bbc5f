package io.nopesight.core;

/**
 * Thrown when a conditional write finds the resource changed since the client read it (or present when the
 * client asked to create it only if absent); the API answers 412 {@code PRECONDITION_FAILED}.
 */
public class PreconditionFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long currentRevision;

	public PreconditionFailedException(String message, long currentRevision) {
		super(message);
		this.currentRevision = currentRevision;
	}

	/**
	 * The revision the resource is at, or 0 when there is none to tell.
	 */
	public long currentRevision() {
		return this.currentRevision;
	}

}
