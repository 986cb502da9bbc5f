package io.nopesight.core.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database can be reached, as far as this node knows. A failure to get or use a connection marks
 * it down; while it is down, asking for a connection fails at once (so requests are answered 503 in a moment
 * instead of tying up a thread for the pool's timeout) and background work pauses, and a probe tries a
 * connection every {@code probeInterval} until one works.
 */
public final class DatabaseAvailability implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final DataSource pool;

	private final Clock clock;

	private final Duration probeInterval;

	private final AtomicReference<@Nullable Instant> downSince = new AtomicReference<>();

	private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "database-probe");
		thread.setDaemon(true);
		return thread;
	});

	DatabaseAvailability(DataSource pool, Clock clock, Duration probeInterval) {
		this.pool = pool;
		this.clock = clock;
		this.probeInterval = probeInterval;
	}

	public boolean isAvailable() {
		return this.downSince.get() == null;
	}

	public Optional<Instant> downSince() {
		return Optional.ofNullable(this.downSince.get());
	}

	/**
	 * How long a client should wait before trying again, for {@code Retry-After}.
	 */
	public Duration retryAfter() {
		return Duration.ofSeconds(Math.max(1, this.probeInterval.multipliedBy(4).toSeconds()));
	}

	/**
	 * Records that a connection could not be had or was cut; the probe takes it from there.
	 */
	public void connectionFailed(Throwable failure) {
		Instant now = this.clock.instant();
		if (this.downSince.compareAndSet(null, now)) {
			logger.warn("The database cannot be reached ({}): answering 503 and pausing background work until it is "
					+ "back", rootMessage(failure));
			scheduleProbe();
		}
	}

	DatabaseUnavailableException unavailable() {
		return new DatabaseUnavailableException("The database cannot be reached (since " + this.downSince.get()
				+ "); try again shortly");
	}

	@Override
	public void close() {
		this.probe.shutdownNow();
	}

	private void scheduleProbe() {
		if (!this.probe.isShutdown()) {
			this.probe.schedule(this::probe, this.probeInterval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void probe() {
		try (Connection connection = this.pool.getConnection()) {
			if (connection.isValid(5)) {
				Instant since = this.downSince.getAndSet(null);
				logger.info("The database is reachable again{}", (since != null)
						? " after " + Duration.between(since, this.clock.instant()).toMillis() + " ms" : "");
				return;
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("The database is still unreachable: {}", ex.getMessage());
		}
		scheduleProbe();
	}

	// the innermost message there is: wrappers repeat or hide what the driver said
	private static String rootMessage(Throwable failure) {
		String message = failure.getClass().getSimpleName();
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t.getMessage() != null) {
				message = t.getMessage();
			}
		}
		return message;
	}

}
