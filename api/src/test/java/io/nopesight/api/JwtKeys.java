package io.nopesight.api;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * JWT keys for tests, the way an identity provider (or an attacker) would use them.
 */
public final class JwtKeys {

	public static final String HMAC_SECRET = "test-hmac-secret-of-at-least-32-bytes!!";

	public static final KeyPair RSA = rsa();

	public static final KeyPair OTHER_RSA = rsa();

	private JwtKeys() {
	}

	/**
	 * The application's JWT settings for these keys: HS256 with {@link #HMAC_SECRET}, RS256 with {@link #RSA}.
	 */
	public static Map<String, Object> properties() {
		return Map.of("nopesight.jwt.hmac-secret", HMAC_SECRET, "nopesight.jwt.rsa-public-key", publicPem(),
				"nopesight.jwt.rsa-private-key", pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));
	}

	public static String publicPem() {
		return pem("PUBLIC KEY", RSA.getPublic().getEncoded());
	}

	/**
	 * Claims valid for the next {@code lifetimeSeconds} (negative: already expired).
	 */
	public static JWTClaimsSet claims(String subject, String scope, long lifetimeSeconds) {
		long now = System.currentTimeMillis();
		long issued = Math.min(now, now + lifetimeSeconds * 1000 - 60_000);
		return new JWTClaimsSet.Builder().subject(subject)
			.issueTime(new Date(issued))
			.expirationTime(new Date(now + lifetimeSeconds * 1000))
			.claim("scope", scope)
			.build();
	}

	public static String hs256(JWTClaimsSet claims, byte[] secret) {
		return sign(JWSAlgorithm.HS256, claims, macSigner(secret));
	}

	public static String rs256(JWTClaimsSet claims, KeyPair keys) {
		return sign(JWSAlgorithm.RS256, claims, new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
	}

	/**
	 * An unsigned token ({@code alg: none}), as RFC 7519 section 6 writes one.
	 */
	public static String unsigned(JWTClaimsSet claims) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	/**
	 * An RS256 header over an HMAC signature made with the RSA public key: the algorithm-confusion attack the
	 * other way round.
	 */
	public static String rs256HeaderWithHmacSignature(JWTClaimsSet claims) {
		String honest = hs256(claims, publicPem().getBytes(StandardCharsets.UTF_8));
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		return header + honest.substring(honest.indexOf('.'));
	}

	public static Map<String, Object> scopes(List<String> scopes) {
		return Map.of("scopes", scopes);
	}

	private static String sign(JWSAlgorithm algorithm, JWTClaimsSet claims, JWSSigner signer) {
		SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static JWSSigner macSigner(byte[] secret) {
		try {
			return new MACSigner(secret);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
