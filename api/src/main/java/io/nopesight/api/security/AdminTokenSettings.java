package io.nopesight.api.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code NOPESIGHT_ADMIN_TOKEN}: a token accepted as admin without being stored, so scripts and tests can
 * start from nothing. Without it, the first start issues one and prints it once.
 */
@ConfigurationProperties("nopesight.admin")
public record AdminTokenSettings(@Nullable String token) {
}
