package io.nopesight.core.audit;

import io.nopesight.core.Page;


/**
 * Appends to and reads the audit log, newest first.
 */
public interface AuditLog {

	void record(AuditEntry entry);

	/**
	 * Starts the entry of a write that runs on this thread until the recording is closed. The entry is
	 * stored inside the first read-write transaction that commits on this thread meanwhile, so a change and
	 * its entry commit together or not at all; such an entry has no {@code status} until
	 * {@link AuditRecording#finish} adds it (none, if the node stopped before answering).
	 */
	AuditRecording begin(AuditedWrite write);

	Page<AuditEntry> find(AuditQuery query, int page, int limit);

}
