package io.nopesight.core.access;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A newly issued token: the only moment its secret is known outside the caller's hands. {@code scopes}
 * are the ones it was granted, sorted.
 */
public record IssuedToken(String id, String token, String name, @Nullable Instant expiresAt, List<String> scopes) {
}
