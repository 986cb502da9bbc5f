package io.nopesight.nlq;

import java.util.List;

/**
 * One filter of a plan: a field, an operator ({@code =}, {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code in}, {@code starts_with}), the values it compares with, whether it is negated, and the words of the
 * question it was read from.
 */
public record Condition(Field field, String operator, List<Object> values, boolean negated, String from) {

	public Condition {
		values = List.copyOf(values);
	}

	/** The fields a question can filter CIs on, and group them by. */
	public enum Field {

		TYPE, STATUS, ENVIRONMENT, DEPARTMENT, COST_CENTER, OWNER, OS, LOCATION, MANUFACTURER, ENGINE, VIRTUAL,
		MEMORY_GB, CPU_CORES, DISK_GB, IP_ADDRESS, NAME, ROLE,

		/** The site a location lies in (DC1 of DC1-RACK-03): CIs are grouped by it; filters use LOCATION. */
		SITE;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
