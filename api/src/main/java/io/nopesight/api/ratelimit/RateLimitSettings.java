package io.nopesight.api.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.nopesight.core.access.TokenKind;

/**
 * {@code nopesight.rate-limit.*}: requests per hour and per minute (the burst) for each kind of token.
 * Unset kinds use the API reference's limits: API keys and discovery tokens 1000/hour with a burst of
 * 100/minute, JWTs 5000/500, service accounts 10000/1000; admin tokens 100000/10000.
 * {@code reserveDivisor}: each node takes {@code perMinute / reserveDivisor} tokens (at least 1) at a time
 * from the shared bucket, so most requests never wait for the database; the batch grows up to a tenth of
 * {@code perMinute} when requests outrun it. {@code refillWait}: how long a request that finds the reserve
 * empty waits for a top-up already on its way before asking the shared bucket itself; a top-up is one
 * database round trip, so past the default of 50 ms asking directly is no slower.
 */
@ConfigurationProperties("nopesight.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, @Nullable Limit apiKey, @Nullable Limit jwt,
		@Nullable Limit serviceAccount, @Nullable Limit discovery, @Nullable Limit admin,
		@DefaultValue("50") int reserveDivisor, @DefaultValue("50ms") Duration refillWait) {

	static final Limit API_KEY = new Limit(1000, 100);

	Limit limitFor(TokenKind kind) {
		return switch (kind) {
			case API_KEY -> or(this.apiKey, API_KEY);
			case DISCOVERY -> or(this.discovery, or(this.apiKey, API_KEY));
			case JWT -> or(this.jwt, new Limit(5000, 500));
			case SERVICE_ACCOUNT -> or(this.serviceAccount, new Limit(10000, 1000));
			case ADMIN -> or(this.admin, new Limit(100000, 10000));
		};
	}

	private static Limit or(@Nullable Limit limit, Limit fallback) {
		return (limit != null) ? limit : fallback;
	}

	/**
	 * At most {@code perHour} requests in an hour and {@code perMinute} in a minute.
	 */
	public record Limit(long perHour, long perMinute) {

		public Limit {
			if (perHour < 1 || perMinute < 1) {
				throw new IllegalArgumentException("rate limits must be at least 1 request");
			}
		}

	}

}
