package io.nopesight.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.nopesight.api.ratelimit.RateLimitSettings.Limit;
import io.nopesight.core.access.TokenKind;

/**
 * Token buckets per token (per subject for JWTs), kept in PostgreSQL by Bucket4j so that all nodes share
 * them. To stay off the request path, each node takes small batches from the shared bucket and spends them
 * locally ({@link Allowance}); only a node's first request for a token, or one that outruns the background
 * top-up, waits for the database. Buckets refill by the application's {@link Clock}, which must be a wall
 * clock: every node reads the same stored bucket with its own.
 */
@Component
class SharedRateLimiter implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SharedRateLimiter.class);

	private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

	private final RateLimitSettings settings;

	private final Clock clock;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final Map<String, Allowance> allowances = new ConcurrentHashMap<>();

	private final ExecutorService refills = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "rate-limit-refill");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "rate-limit-housekeeping");
		thread.setDaemon(true);
		return thread;
	});

	SharedRateLimiter(RateLimitSettings settings, DataSource dataSource, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.clientClock(new ClockTimeMeter(clock))
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
			.build();
		this.housekeeping.scheduleWithFixedDelay(this::forgetIdle, 1, 1, TimeUnit.MINUTES);
	}

	/**
	 * Takes one request's token for {@code key}.
	 */
	Decision acquire(String key, TokenKind kind) {
		Limit limit = limitFor(kind);
		long now = nanos(this.clock);
		Allowance allowance = this.allowances.computeIfAbsent(key, (k) -> new Allowance(limit, batchFor(limit),
				maxBatchFor(limit)));
		Decision decision = allowance.trySpendReserved(now);
		if (decision == null && awaitRefill(allowance, this.settings.refillWait().toNanos())) {
			decision = allowance.trySpendReserved(nanos(this.clock));
		}
		if (decision == null) {
			ConsumptionProbe probe = bucket(key, allowance.limit()).tryConsumeAndReturnRemaining(1);
			decision = allowance.took(probe, now);
		}
		long wanted = allowance.startRefill();
		if (wanted > 0) {
			this.refills.execute(() -> refill(key, allowance, wanted));
		}
		return decision;
	}

	private static boolean awaitRefill(Allowance allowance, long timeoutNanos) {
		try {
			return allowance.awaitRefill(timeoutNanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void refill(String key, Allowance allowance, long wanted) {
		try {
			BucketProxy bucket = bucket(key, allowance.limit());
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(wanted);
			if (probe.isConsumed()) {
				allowance.refilled(wanted, probe.getRemainingTokens());
				return;
			}
			long owed = allowance.settleOwed();
			if (owed > 0) {
				bucket.consumeIgnoringRateLimits(owed);
			}
			allowance.refilled(0, probe.getRemainingTokens() - owed);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not top up the rate-limit reserve of {}", key, ex);
			allowance.refillFailed();
		}
	}

	BucketProxy bucket(String key, Limit limit) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.perHour())
				.refillGreedy(limit.perHour(), Duration.ofHours(1))
				.id("hourly")
				.build())
			.addLimit(Bandwidth.builder()
				.capacity(limit.perMinute())
				.refillGreedy(limit.perMinute(), Duration.ofMinutes(1))
				.id("burst")
				.build())
			.build();
		// a changed limit replaces the stored configuration, keeping the share of tokens left
		return this.buckets.builder()
			.withImplicitConfigurationReplacement(limit.hashCode() & 0x7fffffffL, TokensInheritanceStrategy.PROPORTIONALLY)
			.build(key, () -> configuration);
	}

	Limit limitFor(TokenKind kind) {
		return this.settings.limitFor(kind);
	}

	private long batchFor(Limit limit) {
		return Math.max(1, limit.perMinute() / Math.max(1, this.settings.reserveDivisor()));
	}

	// a tenth of the burst: the most one node can strand (or run ahead on credit) per token
	private static long maxBatchFor(Limit limit) {
		return Math.max(1, limit.perMinute() / 10);
	}

	private void forgetIdle() {
		long now = nanos(this.clock);
		this.allowances.entrySet().removeIf((entry) -> now - entry.getValue().lastUsedNanos() > IDLE_NANOS);
		try {
			this.buckets.removeExpired(1000);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not remove expired rate-limit buckets", ex);
		}
	}

	@Override
	public void destroy() {
		this.housekeeping.shutdownNow();
		this.refills.shutdownNow();
	}

	private static long nanos(Clock clock) {
		Instant now = clock.instant();
		return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
	}

	/**
	 * Bucket4j's view of the clock, in nanoseconds since the epoch.
	 */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return nanos(this.clock);
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
