package io.nopesight.core;

import java.util.Set;

/**
 * The revisions a conditional write accepts the resource to be at (HTTP's {@code If-Match}): the write goes
 * ahead only if the current revision is one of them.
 */
public record ExpectedRevision(Set<Long> anyOf) {

	public ExpectedRevision {
		anyOf = Set.copyOf(anyOf);
	}

	public static ExpectedRevision of(long revision) {
		return new ExpectedRevision(Set.of(revision));
	}

	/**
	 * Throws {@link PreconditionFailedException} unless {@code current} is expected.
	 */
	public void check(String what, long current) {
		if (!this.anyOf.contains(current)) {
			throw new PreconditionFailedException(what + " has changed: it is at revision " + current
					+ ", not " + describe(), current);
		}
	}

	private String describe() {
		return (this.anyOf.size() == 1) ? this.anyOf.iterator().next().toString() : "one of " + this.anyOf;
	}

}
