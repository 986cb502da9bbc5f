package io.nopesight.core.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a token is issued with. {@code owner} is who requests made with it act as (their
 * {@code created_by}); {@code createdBy} is who issued it.
 */
public record NewToken(TokenKind kind, String name, @Nullable String description, String owner, Set<String> scopes,
		@Nullable Instant expiresAt, @Nullable String createdBy, @Nullable String serviceAccountId) {

	public NewToken {
		// PostgreSQL keeps microseconds and rounds the rest: truncated here, the expiry the caller is given, the
		// one cached and the one stored are the same instant, and none of them is later than asked for
		expiresAt = (expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MICROS) : null;
	}

	public static NewToken of(TokenKind kind, String name, String owner, Set<String> scopes,
			@Nullable Instant expiresAt) {
		return new NewToken(kind, name, null, owner, scopes, expiresAt, null, null);
	}

}
