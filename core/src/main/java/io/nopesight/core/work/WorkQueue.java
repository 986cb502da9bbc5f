package io.nopesight.core.work;

import java.util.Optional;

/**
 * Queues background work on a subject (a scan, an import, a report) for whichever node has a free worker.
 * An item is submitted in the caller's transaction, so it exists exactly when the subject does; the
 * {@link WorkHandler} of its kind runs it once that transaction has committed. A node holds the items it
 * runs under a lease it keeps renewing: when the node dies, the lease runs out and another node runs the
 * item again; when it stops gracefully, it puts its unfinished items back at once.
 */
public interface WorkQueue {

	/**
	 * Queues work of {@code kind} on {@code subjectId}, in the caller's transaction.
	 * @throws io.nopesight.core.ConflictException when that subject already has an item of that kind
	 */
	WorkItem submit(String kind, String subjectId);

	/**
	 * Queues a finished (done or failed) item again, in the caller's transaction.
	 * @return {@code false} when there is no such item or it is still queued or running
	 */
	boolean resubmit(String kind, String subjectId);

	Optional<WorkItem> find(String kind, String subjectId);

}
