package io.nopesight.reporting;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A parameter a template declares: its name, its type ({@code choice} among {@code allowed}, {@code choices}: one or
 * more of {@code allowed} as a list or comma-separated, {@code date_range} ({@code last_24_hours},
 * {@code last_7_days}, {@code last_30_days}, {@code last_90_days}, or {@code custom} with {@code from} and
 * {@code to}), {@code date}, {@code text}, {@code integer}), whether it must be given, the value used when it is
 * not, and what it does.
 */
public record TemplateParameter(String name, String type, boolean required, @Nullable String defaultValue,
		List<String> allowed, String description) {

	public TemplateParameter {
		allowed = List.copyOf(allowed);
	}

}
