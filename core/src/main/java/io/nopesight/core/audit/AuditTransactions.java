package io.nopesight.core.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a write's audit entry inside the transaction of its change: every read-write transaction that
 * begins on a thread with an open recording gets a synchronization that, just before the commit, stores the
 * entry (the first one to commit does). Boot hands {@link TransactionExecutionListener} beans to the
 * transaction manager, so every transaction is seen, whichever module began it.
 */
@Component
class AuditTransactions implements TransactionExecutionListener {

	private final ThreadLocal<@Nullable Recording> current = new ThreadLocal<>();

	private final JdbcAuditLogRepository entries;

	AuditTransactions(JdbcAuditLogRepository entries) {
		this.entries = entries;
	}

	AuditRecording begin(AuditedWrite write, Instant at) {
		Recording recording = new Recording(write, at);
		this.current.set(recording);
		return recording;
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		Recording recording = this.current.get();
		if (recording == null || beginFailure != null || transaction.isReadOnly() || recording.storedId != null
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			private boolean storedHere;

			@Override
			public void beforeCommit(boolean readOnly) {
				if (!readOnly && recording.storedId == null) {
					recording.storedId = AuditTransactions.this.entries.insert(recording.entry(null, null));
					this.storedHere = true;
				}
			}

			@Override
			public void afterCompletion(int status) {
				if (this.storedHere && status != STATUS_COMMITTED) {
					recording.storedId = null;
				}
			}

		});
	}

	private final class Recording implements AuditRecording {

		private final AuditedWrite write;

		private final Instant at;

		volatile @Nullable Long storedId;

		Recording(AuditedWrite write, Instant at) {
			this.write = write;
			this.at = at;
		}

		AuditEntry entry(@Nullable Integer status, @Nullable String targetId) {
			return new AuditEntry(0, this.at, this.write.actor(), this.write.tokenId(), this.write.tokenKind(),
					this.write.method(), this.write.path(), this.write.route(), status, this.write.requestId(),
					(targetId != null) ? targetId : this.write.targetId());
		}

		@Override
		public void finish(int status, @Nullable String targetId) {
			Long id = this.storedId;
			if (id != null) {
				AuditTransactions.this.entries.complete(id, status, targetId);
			}
			else {
				AuditTransactions.this.entries.insert(entry(status, targetId));
			}
		}

		@Override
		public void close() {
			if (AuditTransactions.this.current.get() == this) {
				AuditTransactions.this.current.remove();
			}
		}

	}

}
