package io.nopesight.core.access;

import java.util.Locale;

/**
 * The kinds of bearer token, each with its own prefix so a leaked token says what it is. JWTs are not
 * stored; they are recognised by their signature.
 */
public enum TokenKind {

	ADMIN("nsa_"), API_KEY("nsk_"), SERVICE_ACCOUNT("nss_"), DISCOVERY("nsd_k_"), JWT("");

	private final String prefix;

	TokenKind(String prefix) {
		this.prefix = prefix;
	}

	public String prefix() {
		return this.prefix;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TokenKind of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
