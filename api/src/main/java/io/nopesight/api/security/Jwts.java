package io.nopesight.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.nopesight.core.Ids;
import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.access.Principal;
import io.nopesight.core.access.Scopes;
import io.nopesight.core.access.TokenKind;

/**
 * Signs and checks JWTs. The algorithm is pinned per key: an HS256 token is checked only with the HMAC
 * secret and an RS256 token only with the RSA public key, so neither {@code alg: none} nor an HS256 token
 * "signed" with the public key (algorithm confusion) is accepted. {@code exp}, {@code iat} and
 * {@code sub} are required; a token minted here from a stored token ({@code tid}) dies with that token.
 */
@Component
public class Jwts {

	static final String TOKEN_ID_CLAIM = "tid";

	private final JwtSettings settings;

	private final AccessTokens tokens;

	private final Clock clock;

	private final @Nullable JWSVerifier hmacVerifier;

	private final @Nullable JWSSigner hmacSigner;

	private final @Nullable JWSVerifier rsaVerifier;

	private final @Nullable JWSSigner rsaSigner;

	Jwts(JwtSettings settings, AccessTokens tokens, Clock clock) throws JOSEException, GeneralSecurityException {
		this.settings = settings;
		this.tokens = tokens;
		this.clock = clock;
		byte[] secret = (hasText(settings.hmacSecret()))
				? settings.hmacSecret().getBytes(StandardCharsets.UTF_8) : null;
		if (secret != null && secret.length < 32) {
			throw new IllegalStateException("nopesight.jwt.hmac-secret must be at least 32 bytes for HS256");
		}
		this.hmacVerifier = (secret != null) ? new MACVerifier(secret) : null;
		this.hmacSigner = (secret != null) ? new MACSigner(secret) : null;
		this.rsaVerifier = (hasText(settings.rsaPublicKey())) ? new RSASSAVerifier(publicKey(settings.rsaPublicKey()))
				: null;
		this.rsaSigner = (hasText(settings.rsaPrivateKey())) ? new RSASSASigner(privateKey(settings.rsaPrivateKey()))
				: null;
	}

	static boolean looksLikeJwt(String token) {
		int dots = 0;
		for (int i = 0; i < token.length(); i++) {
			if (token.charAt(i) == '.') {
				dots++;
			}
		}
		return dots == 2;
	}

	public boolean canIssue() {
		return this.rsaSigner != null || this.hmacSigner != null;
	}

	/**
	 * A JWT for the given principal, with the given scopes (already checked against the principal's).
	 */
	public IssuedJwt issue(Principal principal, Collection<String> scopes, Duration ttl) {
		JWSSigner signer = (this.rsaSigner != null) ? this.rsaSigner : this.hmacSigner;
		if (signer == null) {
			throw new IllegalStateException("No JWT signing key is configured");
		}
		JWSAlgorithm algorithm = (this.rsaSigner != null) ? JWSAlgorithm.RS256 : JWSAlgorithm.HS256;
		Instant now = this.clock.instant();
		Instant expires = now.plus(ttl);
		String scope = scopes.stream().sorted().collect(Collectors.joining(" "));
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(principal.owner())
			.issuer(this.settings.issuer())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expires))
			.jwtID(Ids.next("jwt"))
			.claim("scope", scope)
			.claim(TOKEN_ID_CLAIM, principal.tokenId())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a JWT", ex);
		}
		return new IssuedJwt(jwt.serialize(), algorithm.getName(), expires, scope);
	}

	/**
	 * The principal a JWT stands for, or empty when it is malformed, badly signed, expired or not yet valid.
	 */
	Optional<Principal> verify(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			JWSVerifier verifier = verifierFor(jwt.getHeader().getAlgorithm());
			if (verifier == null || !jwt.verify(verifier)) {
				return Optional.empty();
			}
			return principal(jwt.getJWTClaimsSet());
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private @Nullable JWSVerifier verifierFor(JWSAlgorithm algorithm) {
		if (JWSAlgorithm.HS256.equals(algorithm)) {
			return this.hmacVerifier;
		}
		if (JWSAlgorithm.RS256.equals(algorithm)) {
			return this.rsaVerifier;
		}
		return null;
	}

	private Optional<Principal> principal(JWTClaimsSet claims) throws ParseException {
		Instant now = this.clock.instant();
		Duration skew = this.settings.clockSkew();
		Date exp = claims.getExpirationTime();
		Date iat = claims.getIssueTime();
		String subject = claims.getSubject();
		if (exp == null || iat == null || !hasText(subject) || !exp.toInstant().plus(skew).isAfter(now)
				|| iat.toInstant().minus(skew).isAfter(now)
				|| (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(skew).isAfter(now))
				|| (claims.getIssuer() != null && !claims.getIssuer().equals(this.settings.issuer()))) {
			return Optional.empty();
		}
		String tokenId = claims.getStringClaim(TOKEN_ID_CLAIM);
		if (tokenId != null && !tokenId.equals(TokenAuthenticator.CONFIGURED_ADMIN_ID)
				&& !this.tokens.isActive(tokenId)) {
			return Optional.empty();
		}
		String id = (claims.getJWTID() != null) ? claims.getJWTID() : "jwt:" + subject;
		return Optional.of(new Principal(subject, id, TokenKind.JWT, scopes(claims.getClaim("scope"))));
	}

	private static Set<String> scopes(@Nullable Object claim) {
		List<String> values;
		if (claim instanceof String text) {
			values = List.of(text.trim().split("\\s+"));
		}
		else if (claim instanceof Collection<?> list) {
			values = list.stream().map(String::valueOf).toList();
		}
		else {
			values = List.of();
		}
		// scopes minted by other identity providers (openid, profile, ...) mean nothing here
		return values.stream().filter(Scopes.ALL::contains).collect(Collectors.toUnmodifiableSet());
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static RSAPublicKey publicKey(String pem) throws GeneralSecurityException {
		return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
	}

	private static RSAPrivateKey privateKey(String pem) throws GeneralSecurityException {
		return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
	}

	private static byte[] der(String pem) {
		String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(base64);
	}

	/**
	 * A signed JWT and what it grants.
	 */
	public record IssuedJwt(String token, String algorithm, Instant expiresAt, String scope) {
	}

}
