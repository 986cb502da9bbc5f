package io.nopesight.api.ratelimit;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;

import io.nopesight.api.ratelimit.RateLimitSettings.Limit;

/**
 * One node's share of one token's shared bucket: tokens already taken from PostgreSQL and not yet spent
 * ({@code reserved}), and what the shared bucket said last. Requests spend reserved tokens without a
 * database round trip; the reserve is topped up in the background. Tokens are always taken from the shared
 * bucket before they are spent, so all nodes together never admit more than the limit; a node that stops
 * seeing a token's requests strands at most one batch. The batch starts small and doubles, up to a cap, each
 * time requests outrun a top-up.
 * <p>
 * One exception keeps requests off the database when they outrun a top-up already on its way: if the shared
 * bucket had at least {@link #CREDIT_MARGIN} batches left when last seen, up to one batch is admitted on
 * credit and paid from that top-up (or, if other nodes emptied the bucket meanwhile, taken from it anyway,
 * which drives it below zero so every node waits the excess off). So a node can run ahead of the shared
 * count by at most one batch, and only while the bucket is far from empty.
 */
final class Allowance {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	static final long CREDIT_MARGIN = 4;

	private final Limit limit;

	private final long maxBatch;

	private long batch;

	private long reserved;

	private long sharedRemaining;

	private long blockedUntilNanos;

	private long owed;

	private boolean refilling;

	private volatile long lastUsedNanos;

	Allowance(Limit limit, long batch) {
		this(limit, batch, batch);
	}

	Allowance(Limit limit, long batch, long maxBatch) {
		this.limit = limit;
		this.batch = batch;
		this.maxBatch = Math.max(batch, maxBatch);
		this.sharedRemaining = limit.perMinute();
	}

	Limit limit() {
		return this.limit;
	}

	long lastUsedNanos() {
		return this.lastUsedNanos;
	}

	/**
	 * Spends a reserved token, or returns {@code null} when the caller must ask the shared bucket.
	 */
	synchronized Decision trySpendReserved(long now) {
		this.lastUsedNanos = now;
		if (this.reserved > 0) {
			this.reserved--;
			return allowed();
		}
		if (now < this.blockedUntilNanos) {
			return refused(this.blockedUntilNanos - now);
		}
		if (this.refilling && this.owed < this.batch && this.sharedRemaining >= CREDIT_MARGIN * this.batch) {
			this.owed++;
			return allowed();
		}
		return null;
	}

	/**
	 * Records the shared bucket's answer to taking one token for the current request.
	 */
	synchronized Decision took(ConsumptionProbe probe, long now) {
		if (this.refilling) {
			// requests outran a top-up: fetch more at a time, up to the cap
			this.batch = Math.min(this.batch * 2, this.maxBatch);
		}
		this.sharedRemaining = probe.getRemainingTokens();
		if (probe.isConsumed()) {
			return allowed();
		}
		this.blockedUntilNanos = now + probe.getNanosToWaitForRefill();
		return refused(probe.getNanosToWaitForRefill());
	}

	/**
	 * How many tokens to fetch in the background now, or 0 (and no refill is started) when the reserve is
	 * full enough, a refill is running, or the shared bucket was empty.
	 */
	synchronized long startRefill() {
		if (this.refilling || this.reserved * 2 > this.batch || this.sharedRemaining <= 0) {
			return 0;
		}
		this.refilling = true;
		return Math.min(this.batch - this.reserved, this.sharedRemaining);
	}

	synchronized void refilled(long taken, long sharedRemaining) {
		long paid = Math.min(this.owed, taken);
		this.owed -= paid;
		this.reserved += taken - paid;
		this.sharedRemaining = sharedRemaining;
		this.refilling = false;
		notifyAll();
	}

	/**
	 * Waits up to {@code timeoutNanos} for a top-up on its way. A request that asked the shared bucket
	 * while a top-up was taking the last tokens would be refused, and the next request admitted from the
	 * arriving reserve: the right count, in the wrong order.
	 * @return whether a top-up was on its way and has ended
	 */
	synchronized boolean awaitRefill(long timeoutNanos) throws InterruptedException {
		if (!this.refilling) {
			return false;
		}
		// a real wait for another thread, so measured in real time, not by the clock buckets refill by
		long deadline = System.nanoTime() + timeoutNanos;
		long left = timeoutNanos;
		while (this.refilling && left > 0) {
			TimeUnit.NANOSECONDS.timedWait(this, left);
			left = deadline - System.nanoTime();
		}
		return !this.refilling;
	}

	/**
	 * Hands over what was admitted on credit, to be taken from the shared bucket regardless of its level.
	 */
	synchronized long settleOwed() {
		long owed = this.owed;
		this.owed = 0;
		return owed;
	}

	synchronized void refillFailed() {
		this.refilling = false;
		notifyAll();
	}

	private Decision allowed() {
		long remaining = Math.max(0, this.sharedRemaining) + this.reserved;
		return new Decision(true, this.limit, remaining, resetSeconds(remaining), 0);
	}

	private Decision refused(long waitNanos) {
		long retryAfter = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
		return new Decision(false, this.limit, 0, Math.max(retryAfter, resetSeconds(0)), retryAfter);
	}

	// seconds until the burst window would be full again at its refill rate
	private long resetSeconds(long remaining) {
		long missing = Math.max(0, this.limit.perMinute() - Math.min(remaining, this.limit.perMinute()));
		return (missing * 60 + this.limit.perMinute() - 1) / this.limit.perMinute();
	}

}
