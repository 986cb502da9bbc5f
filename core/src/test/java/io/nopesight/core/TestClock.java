package io.nopesight.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Clock} that tests move by hand. It runs with the system clock until {@link #freeze() frozen}, then
 * stands still except when {@link #advance(Duration) advanced}; {@link #unfreeze()} lets it run again. It
 * never goes back and never falls behind the system clock once running, because shared test contexts go on
 * after a test has moved it, and JWTs that tests sign are dated by the system clock.
 */
public final class TestClock extends Clock {

	private @Nullable Instant frozen;

	private Duration ahead = Duration.ZERO;

	@Override
	public synchronized Instant instant() {
		return (this.frozen != null) ? this.frozen : Instant.now().plus(this.ahead);
	}

	/**
	 * Stops the clock at the current instant and returns it.
	 */
	public synchronized Instant freeze() {
		this.frozen = instant();
		return this.frozen;
	}

	/**
	 * Moves the clock forward, frozen or not.
	 */
	public synchronized Instant advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("a test clock only moves forward, not by " + duration);
		}
		if (this.frozen != null) {
			this.frozen = this.frozen.plus(duration);
		}
		else {
			this.ahead = this.ahead.plus(duration);
		}
		return instant();
	}

	/**
	 * Lets a frozen clock run again from where it stood, or from the system time if that has passed it.
	 */
	public synchronized void unfreeze() {
		if (this.frozen != null) {
			Duration lead = Duration.between(Instant.now(), this.frozen);
			this.ahead = lead.isNegative() ? Duration.ZERO : lead;
			this.frozen = null;
		}
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the application's clock is UTC");
	}

}
