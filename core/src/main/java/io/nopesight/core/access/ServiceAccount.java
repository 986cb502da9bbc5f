package io.nopesight.core.access;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An identity for automation. Its keys are bearer tokens whose requests act as the account's name.
 */
public record ServiceAccount(String id, String name, @Nullable String description, List<String> scopes,
		Instant createdAt, @Nullable String createdBy) {
}
