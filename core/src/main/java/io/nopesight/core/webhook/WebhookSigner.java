package io.nopesight.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the
 * base64 part of a {@code whsec_} secret, one per secret that currently signs, space-separated.
 */
final class WebhookSigner {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSigner() {
	}

	static String newSecret() {
		byte[] key = new byte[24];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	static String signature(List<String> secrets, String messageId, long timestamp, String body) {
		return secrets.stream()
			.map((secret) -> "v1," + sign(secret, messageId + "." + timestamp + "." + body))
			.collect(Collectors.joining(" "));
	}

	private static String sign(String secret, String content) {
		byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
