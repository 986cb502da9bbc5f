package io.nopesight.core.audit;

import io.nopesight.core.Page;


/**
 * Appends to and reads the audit log, newest first.
 */
public interface AuditLog {

	void record(AuditEntry entry);

	Page<AuditEntry> find(AuditQuery query, int page, int limit);

}
