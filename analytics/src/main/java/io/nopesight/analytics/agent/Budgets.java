package io.nopesight.analytics.agent;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a budget written into the question ("within 50 000", "under $50k", "a budget of 25,000 EUR") when the
 * context gives none. A number is a budget when a budget word leads to it and it is not a percentage or a
 * span of time ("within 30 days"), and it carries a currency, follows the word "budget", or is at least 1 000.
 */
final class Budgets {

	private static final Pattern AMOUNT = Pattern.compile("(within|under|below|budget(?:\\s+(?:of|is|at))?|up\\s+to"
			+ "|at\\s+most|no\\s+more\\s+than|max(?:imum)?(?:\\s+of)?|spend(?:ing)?|for|with|of)\\s+"
			+ "(?:an?\\s+budget\\s+of\\s+|a\\s+total\\s+of\\s+)?"
			+ "([$€£])?\\s*(\\d{1,3}(?:[ ,.\\u00a0\\u202f]\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(k|m|thousand|million)?\\b"
			+ "\\s*(%|percent|usd|eur|gbp|dollars?|euros?|pounds?|\\$|€|£|hours?|days?|weeks?|months?|quarters?|years?)?");

	private static final Pattern NOT_MONEY = Pattern.compile("%|percent|hours?|days?|weeks?|months?|quarters?|years?");

	private Budgets() {
	}

	static @Nullable Double read(String question) {
		Matcher matcher = AMOUNT.matcher(question.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			String unit = matcher.group(5);
			if (unit != null && NOT_MONEY.matcher(unit).matches()) {
				continue;
			}
			double amount = Double.parseDouble(matcher.group(3).replaceAll("[ ,.\\u00a0\\u202f](?=\\d{3}(\\D|$))", ""));
			String scale = matcher.group(4);
			if (scale != null) {
				amount *= (scale.startsWith("k") || scale.startsWith("t")) ? 1_000 : 1_000_000;
			}
			boolean currency = matcher.group(2) != null || unit != null;
			boolean named = matcher.group(1).startsWith("budget");
			if (currency || named || amount >= 1_000) {
				return amount;
			}
		}
		return null;
	}

}
