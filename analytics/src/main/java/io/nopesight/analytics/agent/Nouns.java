package io.nopesight.analytics.agent;

import org.jspecify.annotations.Nullable;

/**
 * CI types as words in answers: {@code server} → "servers", {@code network_device} → "network devices".
 */
final class Nouns {

	private Nouns() {
	}

	static String plural(@Nullable String type) {
		String word = singular(type);
		if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
			return word + "es";
		}
		return word + "s";
	}

	static String singular(@Nullable String type) {
		return (type != null) ? type.replace('_', ' ') : "CI";
	}

	static String count(long count, @Nullable String type) {
		return count + " " + ((count == 1) ? singular(type) : plural(type));
	}

}
