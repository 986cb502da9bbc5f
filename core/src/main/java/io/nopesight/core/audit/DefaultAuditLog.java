package io.nopesight.core.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.Page;

@Service
class DefaultAuditLog implements AuditLog {

	private final JdbcAuditLogRepository entries;

	private final AuditTransactions transactions;

	private final Clock clock;

	DefaultAuditLog(JdbcAuditLogRepository entries, AuditTransactions transactions, Clock clock) {
		this.entries = entries;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void record(AuditEntry entry) {
		this.entries.insert(entry);
	}

	@Override
	public AuditRecording begin(AuditedWrite write) {
		return this.transactions.begin(write, this.clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AuditEntry> find(AuditQuery query, int page, int limit) {
		long total = this.entries.count(query);
		List<AuditEntry> items = this.entries.find(query, page, limit);
		return new Page<>(items, total, page, limit);
	}

}
