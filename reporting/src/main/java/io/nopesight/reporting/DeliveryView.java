package io.nopesight.reporting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recipient's delivery of a report: {@code pending} (waiting for the report, or for its next attempt),
 * {@code sent} (attached, or {@code linked} when the file is over the attachment limit), {@code failed}
 * (attempts used up, or the report failed or expired first) or {@code skipped} (the report was empty).
 */
public record DeliveryView(String recipient, String status, @Nullable String mode, int attempts,
		@Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt, @Nullable Instant sentAt,
		@Nullable String error) {

}
