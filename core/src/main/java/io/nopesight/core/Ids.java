package io.nopesight.core;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Opaque, prefixed identifiers ({@code ci_…}, {@code rel_…}) as the API reference shows them.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static String next(String prefix) {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return prefix + "_" + HexFormat.of().formatHex(bytes);
	}

}
