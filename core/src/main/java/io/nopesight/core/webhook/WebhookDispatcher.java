package io.nopesight.core.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nopesight.core.Ids;
import io.nopesight.core.database.DatabaseAvailability;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's share of webhook delivery: a dispatcher thread fans the outbox out into deliveries, claims
 * due ones for its free senders ({@code FOR UPDATE SKIP LOCKED}, so nodes never take the same message) and
 * records each outcome: success on 2xx, otherwise the next try on the retry schedule, or failure when the
 * schedule is spent. A 410 disables the endpoint at once; failing without a success for
 * {@code disable-after} disables it too. On stop it puts back what it had claimed but not sent.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final Duration PRUNE_EVERY = Duration.ofHours(1);

	private final JdbcWebhookRepository webhooks;

	private final WebhookFanOut fanOut;

	private final WebhookSender sender;

	private final WebhookSettings settings;

	private final DatabaseAvailability database;

	private final Clock clock;

	private final String node = Ids.next("node");

	private final Semaphore free;

	private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);

	private volatile boolean running;

	private @Nullable Thread dispatcher;

	private @Nullable ExecutorService senders;

	private @Nullable Instant lastSweep;

	private @Nullable Instant lastPrune;

	WebhookDispatcher(JdbcWebhookRepository webhooks, WebhookFanOut fanOut, WebhookSender sender,
			WebhookSettings settings, DatabaseAvailability database, Clock clock) {
		this.webhooks = webhooks;
		this.fanOut = fanOut;
		this.sender = sender;
		this.settings = settings;
		this.database = database;
		this.clock = clock;
		this.free = new Semaphore(settings.workers());
	}

	@Override
	public void start() {
		this.running = true;
		AtomicInteger threads = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(this.settings.workers(),
				(task) -> daemon(task, "webhook-sender-" + threads.incrementAndGet()));
		this.dispatcher = daemon(this::run, "webhook-dispatcher");
		this.dispatcher.start();
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.dispatcher != null) {
			this.dispatcher.interrupt();
		}
		if (this.senders != null) {
			this.senders.shutdownNow();
			try {
				this.senders.awaitTermination(this.settings.timeout().toSeconds() + 5, TimeUnit.SECONDS);
				this.webhooks.releaseOwn(this.node);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not put back this node's claimed webhook messages; their leases will lapse", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	void wakeUp() {
		this.wakeUps.offer(Boolean.TRUE);
	}

	private void run() {
		long nextFanOut = System.nanoTime();
		while (this.running) {
			boolean busy = false;
			try {
				if (this.database.isAvailable()) {
					// fan-out reads the outbox once per poll interval, or at once again while it has a backlog;
					// claiming runs whenever a sender frees up
					if (System.nanoTime() - nextFanOut >= 0) {
						boolean more = this.fanOut.pass();
						nextFanOut = System.nanoTime() + (more ? 0 : this.settings.pollInterval().toNanos());
						busy = more;
					}
					busy |= dispatch();
					housekeeping();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Webhook delivery hit a problem; trying again shortly", ex);
			}
			try {
				if (!busy) {
					this.wakeUps.poll(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private boolean dispatch() {
		int slots = this.free.availablePermits();
		if (slots == 0) {
			return false;
		}
		Instant now = this.clock.instant();
		List<ClaimedDelivery> claimed = this.webhooks.claim(this.node, slots, this.settings.perEndpoint(), now,
				now.plus(this.settings.lease()));
		ExecutorService pool = this.senders;
		for (ClaimedDelivery delivery : claimed) {
			this.free.acquireUninterruptibly();
			pool.execute(() -> {
				try {
					deliver(delivery);
				}
				finally {
					this.free.release();
					wakeUp();
				}
			});
		}
		return !claimed.isEmpty() && claimed.size() == slots;
	}

	private void deliver(ClaimedDelivery delivery) {
		try {
			record(delivery, this.sender.send(delivery));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the outcome of webhook message {}; its lease will lapse", delivery.id(), ex);
		}
	}

	void record(ClaimedDelivery delivery, WebhookSender.Outcome outcome) {
		Instant now = this.clock.instant();
		String endpointId = delivery.endpoint().endpoint().id();
		Integer code = outcome.code().orElse(null);
		if (outcome.succeeded()) {
			this.webhooks.succeeded(delivery.id(), this.node, code, outcome.latencyMs(), now);
			this.webhooks.healthy(endpointId);
			return;
		}
		if (code != null && code == 410) {
			this.webhooks.failed(delivery.id(), this.node, code, outcome.latencyMs(), outcome.error(), now);
			this.webhooks.disable(endpointId, "The receiver answered 410 Gone", now);
			return;
		}
		Optional<Duration> wait = RetrySchedule.after(delivery.attempts(), outcome.retryAfter());
		if (wait.isPresent()) {
			this.webhooks.retry(delivery.id(), this.node, code, outcome.latencyMs(), outcome.error(),
					now.plus(wait.get()));
		}
		else {
			this.webhooks.failed(delivery.id(), this.node, code, outcome.latencyMs(), outcome.error(), now);
		}
		Optional<Instant> failingSince = this.webhooks.failing(endpointId, now);
		if (failingSince.isPresent() && !now.isBefore(failingSince.get().plus(this.settings.disableAfter()))) {
			this.webhooks.disable(endpointId,
					"Every attempt failed for " + this.settings.disableAfter().toDays() + " days", now);
		}
	}

	private void housekeeping() {
		Instant now = this.clock.instant();
		if (this.lastSweep == null || !now.isBefore(this.lastSweep.plus(this.settings.lease().dividedBy(4)))) {
			this.webhooks.releaseLapsed(now);
			this.lastSweep = now;
		}
		if (this.lastPrune == null || !now.isBefore(this.lastPrune.plus(PRUNE_EVERY))) {
			this.webhooks.prune(now.minus(this.settings.retention()));
			this.lastPrune = now;
		}
	}

	@Override
	public int getPhase() {
		// stops before the data source and the other lifecycles it uses
		return Integer.MAX_VALUE - 100;
	}

}
