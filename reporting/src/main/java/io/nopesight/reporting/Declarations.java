package io.nopesight.reporting;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The parameters the templates have in common, and the short forms their declarations are written in.
 */
final class Declarations {

	static final String CI_TYPE = "ci_type";

	static final String ENVIRONMENT = "environment";

	static final String ALL = "all";

	/** The CI types the demo estate and the discovery rules make; a type only some CIs have is taken too. */
	static final List<String> KNOWN_CI_TYPES = List.of("server", "workstation", "application", "database", "software",
			"network_device");

	private Declarations() {
	}

	static TemplateParameter choice(String name, @Nullable String defaultValue, List<String> allowed,
			String description) {
		return new TemplateParameter(name, "choice", defaultValue == null, defaultValue, allowed, description);
	}

	static TemplateParameter choices(String name, String defaultValue, List<String> allowed, String description) {
		return new TemplateParameter(name, "choices", false, defaultValue, allowed, description);
	}

	static TemplateParameter optionalChoice(String name, List<String> allowed, String description) {
		return new TemplateParameter(name, "choice", false, null, allowed, description);
	}

	static TemplateParameter dateRange(String defaultValue, String description) {
		return new TemplateParameter(DateRange.PARAMETER, "date_range", false, defaultValue, DateRange.NAMES,
				description + "; 'custom' takes from and to (dates or RFC 3339 date-times, at most "
						+ DateRange.LONGEST.toDays() + " days apart)");
	}

	static TemplateParameter environment(String description) {
		return new TemplateParameter(ENVIRONMENT, "text", false, null, List.of(), description);
	}

	static TemplateParameter ciType(String defaultValue, boolean withAll, String description) {
		List<String> allowed = new ArrayList<>();
		if (withAll) {
			allowed.add(ALL);
		}
		allowed.addAll(KNOWN_CI_TYPES);
		return new TemplateParameter(CI_TYPE, "choice", false, defaultValue, allowed,
				description + " (another type is taken when CIs of it exist)");
	}

}
