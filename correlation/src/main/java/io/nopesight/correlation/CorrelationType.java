package io.nopesight.correlation;

import java.util.Locale;

/**
 * What ties two events together, strongest first: the same alert again ({@code duplicate}), a way failure
 * travels between their CIs ({@code topological}), similar wording ({@code textual}), or only time
 * ({@code temporal}).
 */
public enum CorrelationType {

	DUPLICATE, TOPOLOGICAL, TEXTUAL, TEMPORAL;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
