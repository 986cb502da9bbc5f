package io.nopesight.core.outbox;

/**
 * How far a reader of the outbox has got: the transaction id and sequence of the last event it took.
 */
public record ChangePosition(long xid, long seq) {

	public static final ChangePosition START = new ChangePosition(0, 0);

}
