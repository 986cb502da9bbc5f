package io.nopesight.core.audit;

import org.jspecify.annotations.Nullable;

/**
 * The audit entry of one write while the write runs on this thread (see {@link AuditLog#begin}). Closing it
 * without {@link #finish} (the request died) keeps whatever was stored with the change.
 */
public interface AuditRecording extends AutoCloseable {

	/**
	 * Completes the entry with the answer's status and target: the entry stored with the change is updated;
	 * a write that changed nothing (refused, failed) gets its entry now.
	 */
	void finish(int status, @Nullable String targetId);

	@Override
	void close();

}
