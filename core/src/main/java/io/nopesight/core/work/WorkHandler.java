package io.nopesight.core.work;

/**
 * Runs the work items of one kind; a module declares one as a bean. {@link #perform} runs on a worker
 * thread of the node that holds the item's lease: returning marks the item done, throwing marks it failed
 * with the exception's message. When the node is shutting down its workers are interrupted; an item
 * whose handler then ends in any way but by returning is put back for another node, so a handler that
 * notices the interrupt may simply stop and let the next run resume its work.
 */
public interface WorkHandler {

	String kind();

	/**
	 * How many items of this kind one node runs at a time.
	 */
	default int concurrency() {
		return 1;
	}

	void perform(WorkItem item) throws Exception;

	/**
	 * Called once the queue has marked an item failed, with the message of what {@link #perform} threw (its
	 * first 2 000 characters);
	 * not called for an item put back because its node was stopping, lost its lease or lost the database.
	 * A handler records the failure on its own subject here rather than in {@code perform}, which cannot
	 * tell a stop from a failure as surely as the queue can.
	 */
	default void failed(WorkItem item, String error) {
	}

}
