package io.nopesight.api.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.access.Lifetimes;
import io.nopesight.core.access.Scopes;

/**
 * A request to issue a token: {@code name}, {@code description}, {@code expires_in} ({@code 365d},
 * {@code 12h}, ...; no expiry when absent), {@code scopes}, and for API keys the {@code owner} its requests
 * act as (the name when absent).
 */
record TokenRequest(@Nullable String name, @Nullable String description, @Nullable String owner,
		@Nullable String expiresIn, @Nullable List<String> scopes) {

	static final int MAX_TEXT = 200;

	String checkedName() {
		return text("name", this.name, true);
	}

	@Nullable String checkedOwner() {
		return text("owner", this.owner, false);
	}

	@Nullable Instant expiresAt(Instant now) {
		return (this.expiresIn != null) ? now.plus(Lifetimes.parse(this.expiresIn, "expires_in")) : null;
	}

	Set<String> checkedScopes() {
		return Scopes.check(this.scopes, "scopes");
	}

	@Nullable Set<String> optionalScopes() {
		return (this.scopes != null) ? Scopes.check(this.scopes, "scopes") : null;
	}

	static @Nullable String text(String field, @Nullable String value, boolean required) {
		List<FieldError> errors = new ArrayList<>();
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, field + " is required"));
			}
		}
		else if (value.length() > MAX_TEXT) {
			errors.add(new FieldError(field, field + " must be at most " + MAX_TEXT + " characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

}
