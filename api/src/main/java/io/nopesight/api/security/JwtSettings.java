package io.nopesight.api.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nopesight.jwt.*}: the keys JWTs are signed and checked with. {@code hmacSecret} (at least 32
 * bytes) enables HS256; {@code rsaPublicKey} (PEM, X.509 SubjectPublicKeyInfo) enables RS256 checking and
 * {@code rsaPrivateKey} (PEM, PKCS#8) RS256 signing. When both are set, {@code POST /v1/auth/token} signs
 * with RS256. {@code issuer} is put in and, when a token carries {@code iss}, required of it.
 */
@ConfigurationProperties("nopesight.jwt")
public record JwtSettings(@Nullable String hmacSecret, @Nullable String rsaPublicKey, @Nullable String rsaPrivateKey,
		@DefaultValue("nopesight") String issuer, @DefaultValue("1h") Duration ttl,
		@DefaultValue("24h") Duration maxTtl, @DefaultValue("30s") Duration clockSkew) {
}
