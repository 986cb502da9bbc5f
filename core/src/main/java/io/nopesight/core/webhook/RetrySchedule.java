package io.nopesight.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * When to try a message again: the Standard Webhooks schedule (immediately, 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h, 20 h, 24 h) with up to 10 % jitter, so receivers coming back are not hit by every sender at
 * once, or later when the receiver asked for it with {@code Retry-After}.
 */
final class RetrySchedule {

	static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

	private RetrySchedule() {
	}

	/**
	 * The wait after the {@code attempts}-th attempt failed, or empty when that was the last.
	 */
	static Optional<Duration> after(int attempts, @Nullable Duration retryAfter) {
		if (attempts >= DELAYS.size()) {
			return Optional.empty();
		}
		Duration delay = DELAYS.get(attempts);
		long jitter = delay.toMillis() / 10;
		delay = delay.plusMillis((jitter > 0) ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0);
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			delay = retryAfter.compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : retryAfter;
		}
		return Optional.of(delay);
	}

}
