package io.nopesight.reporting;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a report is delivered, as a client asked: {@code method} {@code email} (to {@code recipients}) or
 * {@code download} (kept for download only, as when there is no delivery at all); {@code skipIfEmpty} sends
 * nothing when the report has no rows.
 */
public record DeliveryRequest(@Nullable String method, @Nullable List<String> recipients, boolean skipIfEmpty) {

}
