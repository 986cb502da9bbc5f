package io.nopesight.core.work;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The work queue on one node against real PostgreSQL: items run once their transaction commits, a failure
 * is kept with its message, an item whose node stopped renewing its lease is taken over, and a stopping node
 * puts back what it was running. Other nodes are played by rows written as a dead node would leave them.
 */
@CoreIntegrationTest
@TestPropertySource(properties = { "nopesight.work.lease=2s", "nopesight.work.poll-interval=100ms" })
class WorkQueueIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	@Autowired
	WorkQueue queue;

	@Autowired
	DefaultWorkQueue node;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordingHandler handler;

	@Test
	void submitWhenTheTransactionCommitsRunsTheItemOnceAndMarksItDone() {
		// given
		String subject = Ids.next("subject");
		// when
		this.transaction.executeWithoutResult((status) -> this.queue.submit(RecordingHandler.KIND, subject));
		// then
		await().atMost(PATIENCE).until(() -> status(subject) == WorkStatus.DONE);
		assertThat(this.handler.runs(subject)).isEqualTo(1);
		WorkItem item = this.queue.find(RecordingHandler.KIND, subject).orElseThrow();
		assertThat(item.attempts()).isEqualTo(1);
		assertThat(item.claimedBy()).startsWith("node_");
		assertThat(item.finishedAt()).isNotNull();
	}

	@Test
	void submitWhenTheTransactionRollsBackLeavesNothingToRun() {
		// given
		String subject = Ids.next("subject");
		// when
		this.transaction.executeWithoutResult((status) -> {
			this.queue.submit(RecordingHandler.KIND, subject);
			status.setRollbackOnly();
		});
		// then
		assertThat(this.queue.find(RecordingHandler.KIND, subject)).isEmpty();
	}

	@Test
	void submitWhenTheSubjectAlreadyHasAnItemIsAConflict() {
		// given
		String subject = Ids.next("subject");
		this.transaction.executeWithoutResult((status) -> this.queue.submit(RecordingHandler.KIND, subject));
		// when, then
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.transaction
			.executeWithoutResult((status) -> this.queue.submit(RecordingHandler.KIND, subject)));
	}

	@Test
	void performWhenTheHandlerThrowsMarksTheItemFailedWithTheMessageAndResubmitRunsItAgain() {
		// given
		String subject = "fail_" + Ids.next("subject");
		this.transaction.executeWithoutResult((status) -> this.queue.submit(RecordingHandler.KIND, subject));
		await().atMost(PATIENCE).until(() -> status(subject) == WorkStatus.FAILED);
		assertThat(this.queue.find(RecordingHandler.KIND, subject).orElseThrow().error())
			.isEqualTo("refused " + subject);
		assertThat(this.handler.failures).containsEntry(subject, "refused " + subject);
		// when
		Boolean resubmitted = this.transaction.execute((status) -> this.queue.resubmit(RecordingHandler.KIND, subject));
		// then
		assertThat(resubmitted).isTrue();
		await().atMost(PATIENCE).until(() -> this.handler.runs(subject) == 2 && status(subject) == WorkStatus.FAILED);
		assertThat(this.queue.find(RecordingHandler.KIND, subject).orElseThrow().attempts()).isEqualTo(2);
	}

	@Test
	void claimWhenAnotherNodeStoppedRenewingItsLeaseTakesTheItemOverOnceTheLeaseHasLapsed() {
		// given: a node took the item up and died; its lease runs out a second from now
		String subject = Ids.next("subject");
		this.jdbc.sql("""
				INSERT INTO work_item (id, kind, subject_id, status, attempts, lease_owner, claimed_by, lease_expires_at)
				VALUES (:id, :kind, :subject, 'running', 1, 'node_dead', 'node_dead', now() + interval '1 second')
				""").param("id", Ids.next("work")).param("kind", RecordingHandler.KIND).param("subject", subject).update();
		// when, then
		await().atMost(PATIENCE).until(() -> status(subject) == WorkStatus.DONE);
		WorkItem item = this.queue.find(RecordingHandler.KIND, subject).orElseThrow();
		assertThat(item.attempts()).isEqualTo(2);
		assertThat(item.claimedBy()).isNotEqualTo("node_dead");
		assertThat(this.handler.runs(subject)).isEqualTo(1);
	}

	@Test
	void claimWhenAnotherNodeKeepsRenewingLeavesItsItemAlone() {
		// given: a live node's item, its lease an hour away
		String subject = Ids.next("subject");
		this.jdbc.sql("""
				INSERT INTO work_item (id, kind, subject_id, status, attempts, lease_owner, claimed_by, lease_expires_at)
				VALUES (:id, :kind, :subject, 'running', 1, 'node_alive', 'node_alive', now() + interval '1 hour')
				""").param("id", Ids.next("work")).param("kind", RecordingHandler.KIND).param("subject", subject).update();
		// when: an item submitted after it has run (the dispatcher has looked at this kind since)
		String later = Ids.next("subject");
		this.transaction.executeWithoutResult((status) -> this.queue.submit(RecordingHandler.KIND, later));
		await().atMost(PATIENCE).until(() -> status(later) == WorkStatus.DONE);
		// then
		assertThat(this.handler.runs(subject)).isZero();
		assertThat(this.queue.find(RecordingHandler.KIND, subject).orElseThrow().claimedBy()).isEqualTo("node_alive");
	}

	@Test
	void stopWhenAnItemIsRunningInterruptsItAndPutsItBackForAnotherNode() throws Exception {
		// given
		String subject = "block_" + Ids.next("subject");
		this.transaction.executeWithoutResult((status) -> this.queue.submit(RecordingHandler.KIND, subject));
		assertThat(this.handler.blocking.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		// when
		this.node.stop();
		// then
		try {
			WorkItem item = this.queue.find(RecordingHandler.KIND, subject).orElseThrow();
			assertThat(item.status()).isEqualTo(WorkStatus.QUEUED);
			assertThat(this.jdbc.sql("SELECT lease_owner FROM work_item WHERE subject_id = :subject")
				.param("subject", subject)
				.query(String.class)
				.optional()).isEmpty();
			assertThat(this.handler.interrupted).contains(subject);
			// it ended with an ordinary exception (as a job does that sees its JDBC call cut off), yet the
			// handler is not told it failed
			assertThat(this.handler.failures).doesNotContainKey(subject);
		}
		finally {
			// the next start takes it up again, and this time it does not block
			this.handler.blockOnce.put(subject, Boolean.FALSE);
			this.node.start();
		}
		await().atMost(PATIENCE).until(() -> status(subject) == WorkStatus.DONE);
		assertThat(this.queue.find(RecordingHandler.KIND, subject).orElseThrow().attempts()).isEqualTo(2);
	}

	private WorkStatus status(String subject) {
		return this.queue.find(RecordingHandler.KIND, subject).map(WorkItem::status).orElseThrow();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

	}

	/**
	 * Counts runs per subject; subjects named {@code fail_…} throw, {@code block_…} wait (the first time)
	 * until interrupted and then throw an exception that hides the interrupt. Keeps what it is told failed.
	 */
	static class RecordingHandler implements WorkHandler {

		static final String KIND = "test-recording";

		final Map<String, Integer> runs = new ConcurrentHashMap<>();

		final Map<String, Boolean> blockOnce = new ConcurrentHashMap<>();

		final List<String> interrupted = new CopyOnWriteArrayList<>();

		final Map<String, String> failures = new ConcurrentHashMap<>();

		final CountDownLatch blocking = new CountDownLatch(1);

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public int concurrency() {
			return 2;
		}

		@Override
		public void perform(WorkItem item) throws Exception {
			String subject = item.subjectId();
			this.runs.merge(subject, 1, Integer::sum);
			if (subject.startsWith("fail_")) {
				throw new IllegalStateException("refused " + subject);
			}
			if (subject.startsWith("block_") && this.blockOnce.getOrDefault(subject, Boolean.TRUE)) {
				this.blocking.countDown();
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					this.interrupted.add(subject);
					throw new IllegalStateException("cut off while waiting");
				}
			}
		}

		@Override
		public void failed(WorkItem item, String error) {
			this.failures.put(item.subjectId(), error);
		}

		int runs(String subject) {
			return this.runs.getOrDefault(subject, 0);
		}

	}

}
