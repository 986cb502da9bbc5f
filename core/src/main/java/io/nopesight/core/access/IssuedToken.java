package io.nopesight.core.access;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A newly issued token: the only moment its secret is known outside the caller's hands.
 */
public record IssuedToken(String id, String token, String name, @Nullable Instant expiresAt) {
}
