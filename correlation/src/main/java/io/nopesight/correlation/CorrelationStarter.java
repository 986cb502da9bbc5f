package io.nopesight.correlation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.ConflictException;
import io.nopesight.core.work.WorkQueue;

/**
 * Makes sure the correlator's work item exists and is queued when it is not running anywhere, so that one
 * node of the installation correlates (see {@link Correlator}).
 */
@Component
class CorrelationStarter {

	private static final Logger logger = LoggerFactory.getLogger(CorrelationStarter.class);

	private final WorkQueue queue;

	private final TransactionTemplate transactions;

	CorrelationStarter(WorkQueue queue, TransactionTemplate transactions) {
		this.queue = queue;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		try {
			this.transactions.executeWithoutResult((status) -> this.queue.submit(Correlator.KIND, Correlator.SUBJECT));
		}
		catch (ConflictException ex) {
			// there already is one: queued, running on some node, or ended (which it only does by failing)
			boolean requeued = Boolean.TRUE.equals(this.transactions
				.execute((status) -> this.queue.resubmit(Correlator.KIND, Correlator.SUBJECT)));
			if (requeued) {
				logger.info("Queued the event correlator again");
			}
		}
	}

}
