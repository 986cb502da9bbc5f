package io.nopesight.core.work;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;
import io.nopesight.core.database.ConnectionFailures;
import io.nopesight.core.database.DatabaseAvailability;

/**
 * The node's share of the work queue: a dispatcher thread claims items for the kinds that have a free
 * worker (when something was submitted here, when a worker frees up, and every poll interval for work
 * submitted elsewhere or left by a dead node), a fixed pool runs them, and a lease thread renews what the
 * pool holds. On stop it claims nothing more, interrupts its workers and puts back the items they let go.
 */
@Service
class DefaultWorkQueue implements WorkQueue, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DefaultWorkQueue.class);

	private static final int MAX_ERROR = 2000;

	private final JdbcWorkItemRepository items;

	private final Map<String, WorkHandler> handlers = new HashMap<>();

	private final WorkSettings settings;

	private final String node;

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	// one pending wake-up is enough: the dispatcher looks at every kind each time it wakes
	private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);

	private volatile boolean accepting;

	private @Nullable Thread dispatcher;

	private @Nullable ExecutorService workers;

	private @Nullable ScheduledExecutorService leases;

	private final ObjectProvider<WorkHandler> declared;

	private final DatabaseAvailability database;

	// handlers are looked up at start: they use the services that submit work, which use this queue
	DefaultWorkQueue(JdbcWorkItemRepository items, ObjectProvider<WorkHandler> declared, WorkSettings settings,
			WorkerNode node, DatabaseAvailability database) {
		this.items = items;
		this.database = database;
		this.declared = declared;
		this.settings = settings;
		this.node = node.id();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public WorkItem submit(String kind, String subjectId) {
		if (!this.items.insert(Ids.next("work"), kind, subjectId)) {
			throw new ConflictException("There is already " + kind + " work on " + subjectId);
		}
		wakeAfterCommit();
		return this.items.find(kind, subjectId).orElseThrow();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean resubmit(String kind, String subjectId) {
		boolean queued = this.items.resubmit(kind, subjectId);
		if (queued) {
			wakeAfterCommit();
		}
		return queued;
	}

	@Override
	public Optional<WorkItem> find(String kind, String subjectId) {
		return this.items.find(kind, subjectId);
	}

	@Override
	public void start() {
		this.handlers.clear();
		this.declared.orderedStream().forEach((handler) -> {
			if (this.handlers.put(handler.kind(), handler) != null) {
				throw new IllegalStateException("Two work handlers for kind " + handler.kind());
			}
		});
		// this node's previous run (same data folder, so the same node id) died holding these: no one runs them
		int left = this.items.releaseAll(this.node);
		if (left > 0) {
			logger.info("Put back {} work item(s) this node held when it last stopped", left);
		}
		this.accepting = true;
		this.workers = Executors.newFixedThreadPool(this.settings.workers(), threads("work-"));
		ScheduledExecutorService leaseThread = Executors.newSingleThreadScheduledExecutor(threads("work-lease"));
		long every = this.settings.renewEvery().toMillis();
		leaseThread.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
		this.leases = leaseThread;
		Thread thread = threads("work-dispatcher").newThread(this::dispatchUntilStopped);
		this.dispatcher = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.accepting = false;
		wake();
		ExecutorService pool = this.workers;
		if (pool != null) {
			pool.shutdownNow();
			try {
				if (!pool.awaitTermination(this.settings.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
					// still running: their leases lapse and another node resumes them
					logger.warn("Work items {} did not stop within {}; their leases will lapse", this.running.keySet(),
							this.settings.shutdownWait());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		ScheduledExecutorService leaseThread = this.leases;
		if (leaseThread != null) {
			leaseThread.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.accepting;
	}

	private void dispatchUntilStopped() {
		while (this.accepting) {
			try {
				// nothing can be claimed while the database is away; it resumes once the database is back
				if (this.database.isAvailable()) {
					dispatch();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not look for work: {}", ex.getMessage());
			}
			try {
				this.wakeUps.poll(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void dispatch() {
		ExecutorService pool = this.workers;
		if (pool == null) {
			return;
		}
		for (WorkHandler handler : this.handlers.values()) {
			int free = Math.min(handler.concurrency() - runningOf(handler.kind()),
					this.settings.workers() - this.running.size());
			if (free <= 0 || !this.accepting) {
				continue;
			}
			for (JdbcWorkItemRepository.Claimed claimed : this.items.claim(handler.kind(), free, this.node,
					this.settings.lease())) {
				WorkItem item = claimed.item();
				if (claimed.previousOwner() != null) {
					logger.info("Taking over {} {} from {}, which stopped renewing its lease (attempt {})", item.kind(),
							item.subjectId(), claimed.previousOwner(), item.attempts());
				}
				else if (item.attempts() > 1) {
					logger.info("Taking up {} {} again (attempt {})", item.kind(), item.subjectId(), item.attempts());
				}
				this.running.put(item.id(), new Running(item.kind()));
				pool.execute(() -> run(item, handler));
			}
		}
	}

	private void run(WorkItem item, WorkHandler handler) {
		Running state = this.running.get(item.id());
		state.thread = Thread.currentThread();
		try {
			handler.perform(item);
			finish(item, state, WorkStatus.DONE, null);
		}
		catch (Exception | Error ex) {
			if (!this.accepting || state.lost || Thread.currentThread().isInterrupted()
					|| ConnectionFailures.isConnectionFailure(ex)) {
				// not the item's fault: it runs again, here or on another node
				putBack(item, state, ex);
			}
			else {
				fail(item, handler, state, ex);
			}
		}
		finally {
			this.running.remove(item.id());
			wake();
		}
	}

	private void fail(WorkItem item, WorkHandler handler, Running state, Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		String error = (message.length() > MAX_ERROR) ? message.substring(0, MAX_ERROR) : message;
		logger.warn("{} {} failed: {}", item.kind(), item.subjectId(), error);
		try {
			// the subject is marked failed before the item, so a failure is never left unrecorded on it
			handler.failed(item, error);
		}
		catch (RuntimeException recordFailure) {
			putBack(item, state, recordFailure);
			return;
		}
		finish(item, state, WorkStatus.FAILED, error);
	}

	private void finish(WorkItem item, Running state, WorkStatus status, @Nullable String error) {
		state.finishing = true;
		if (!this.items.finish(item.id(), this.node, status, error)) {
			logger.warn("{} {} ended here after another node had taken it over", item.kind(), item.subjectId());
		}
	}

	private void putBack(WorkItem item, Running state, Throwable cause) {
		state.finishing = true;
		if (state.lost) {
			return;
		}
		String why = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		try {
			this.items.release(Set.of(item.id()), this.node);
			logger.info("{} {} put back for another run ({})", item.kind(), item.subjectId(), why);
		}
		catch (RuntimeException ex) {
			// the database is away: the lease lapses and the item is claimed again once it is back
			logger.info("{} {} stopped ({}); it runs again once its lease lapses", item.kind(), item.subjectId(), why);
		}
	}

	private void renewLeases() {
		if (!this.database.isAvailable()) {
			return;
		}
		try {
			Set<String> held = Set.copyOf(this.running.keySet());
			List<String> kept = this.items.renew(held, this.node, this.settings.lease());
			for (String id : held) {
				Running state = this.running.get(id);
				if (!kept.contains(id) && state != null && !state.finishing) {
					logger.warn("Lost the lease of {} {} (another node took it over); stopping it here", state.kind, id);
					state.lost = true;
					state.interrupt();
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew work leases: {}", ex.getMessage());
		}
	}

	private int runningOf(String kind) {
		return (int) this.running.values().stream().filter((state) -> state.kind.equals(kind)).count();
	}

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	private void wake() {
		this.wakeUps.offer(Boolean.TRUE);
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * What this node knows of an item it runs; the thread is set once the worker has picked it up.
	 */
	private static final class Running {

		final String kind;

		volatile @Nullable Thread thread;

		volatile boolean lost;

		volatile boolean finishing;

		Running(String kind) {
			this.kind = kind;
		}

		void interrupt() {
			Thread worker = this.thread;
			if (worker != null) {
				worker.interrupt();
			}
		}

	}

}
