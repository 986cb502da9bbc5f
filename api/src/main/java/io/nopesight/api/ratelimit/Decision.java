package io.nopesight.api.ratelimit;

import io.nopesight.api.ratelimit.RateLimitSettings.Limit;

/**
 * Whether a request may go on, and what its rate-limit headers say: the {@code remaining} requests (the
 * tighter of the two windows), seconds until the burst window is full again ({@code resetSeconds}) and,
 * when refused, seconds until the next request can succeed ({@code retryAfterSeconds}).
 */
record Decision(boolean allowed, Limit limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
