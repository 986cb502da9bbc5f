package io.nopesight.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;

/**
 * Checks a request's parameters against what a template declares and puts them in their canonical form: choices in
 * lower case, several choices comma-separated in the declared order, defaults filled in, a date range resolved into
 * {@code from} and {@code to} instants. Every wrong parameter is reported, each on {@code parameters.<name>}.
 */
final class ParameterValidation {

	private static final int MAX_TEXT = 200;

	// CI types are lower-case words (core's rule); an environment is a word people type, with - _ . and spaces
	private static final Pattern CI_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ._:/@()#&+,'-]+");

	private final ReportTemplate template;

	private final Predicate<String> ciTypeExists;

	private final List<FieldError> errors = new ArrayList<>();

	ParameterValidation(ReportTemplate template, Predicate<String> ciTypeExists) {
		this.template = template;
		this.ciTypeExists = ciTypeExists;
	}

	Map<String, Object> validate(Map<String, ?> given, Instant now, ZoneId zone) {
		unknown(given.keySet());
		Map<String, Object> canonical = new LinkedHashMap<>();
		for (TemplateParameter declared : this.template.parameters()) {
			Object value = given.get(declared.name());
			if (declared.type().equals("date_range")) {
				dateRange(declared, blank(value) ? null : value, given, now, zone, canonical);
				continue;
			}
			if (blank(value)) {
				value = declared.defaultValue();
			}
			if (value == null) {
				if (declared.required()) {
					error(declared.name(), declared.name() + " is required");
				}
			}
			else {
				Object checked = check(declared, value);
				if (checked != null) {
					canonical.put(declared.name(), checked);
				}
			}
		}
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
		return Collections.unmodifiableMap(canonical);
	}

	private void unknown(Collection<String> names) {
		boolean ranged = this.template.parameters().stream().anyMatch((p) -> p.type().equals("date_range"));
		Set<String> known = new LinkedHashSet<>();
		this.template.parameters().forEach((p) -> known.add(p.name()));
		for (String name : names) {
			if (!known.contains(name) && !(ranged && (name.equals("from") || name.equals("to")))) {
				error(name, "Unknown parameter '" + name + "' for " + this.template.id() + ": it takes "
						+ String.join(", ", known));
			}
		}
	}

	private void dateRange(TemplateParameter declared, @Nullable Object value, Map<String, ?> given, Instant now,
			ZoneId zone, Map<String, Object> canonical) {
		Object from = blank(given.get("from")) ? null : given.get("from");
		Object to = blank(given.get("to")) ? null : given.get("to");
		// from and to alone mean a custom range; nothing at all, the default
		Object named = (value != null) ? value
				: (from != null || to != null) ? DateRange.CUSTOM : declared.defaultValue();
		String name = scalar(declared, named);
		if (name == null) {
			return;
		}
		name = name.toLowerCase(Locale.ROOT);
		if (!declared.allowed().contains(name)) {
			notAllowed(declared, name);
			return;
		}
		DateRange range = DateRange.resolve(name, from, to, now, zone, this.errors);
		if (range != null) {
			canonical.put(declared.name(), range.name());
			canonical.put("from", range.from());
			canonical.put("to", range.to());
		}
	}

	private @Nullable Object check(TemplateParameter declared, Object value) {
		return switch (declared.type()) {
			case "choices" -> choices(declared, value);
			case "text" -> text(declared, value);
			default -> choice(declared, value);
		};
	}

	private @Nullable String choice(TemplateParameter declared, Object value) {
		String text = scalar(declared, value);
		if (text == null) {
			return null;
		}
		String choice = text.strip().toLowerCase(Locale.ROOT);
		if (declared.allowed().contains(choice) || otherCiType(declared, choice)) {
			return choice;
		}
		notAllowed(declared, text);
		return null;
	}

	private boolean otherCiType(TemplateParameter declared, String choice) {
		return declared.name().equals(Declarations.CI_TYPE) && CI_TYPE.matcher(choice).matches()
				&& this.ciTypeExists.test(choice);
	}

	private @Nullable String choices(TemplateParameter declared, Object value) {
		List<String> given = new ArrayList<>();
		if (value instanceof Collection<?> values) {
			values.forEach((v) -> given.add(String.valueOf(v)));
		}
		else {
			given.addAll(List.of(value.toString().split(",")));
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (String one : given) {
			String choice = one.strip().toLowerCase(Locale.ROOT);
			if (!declared.allowed().contains(choice)) {
				notAllowed(declared, one.strip());
				return null;
			}
			chosen.add(choice);
		}
		List<String> ordered = declared.allowed().stream().filter(chosen::contains).toList();
		if (ordered.isEmpty()) {
			error(declared.name(), declared.name() + " takes one or more of " + String.join(", ", declared.allowed()));
			return null;
		}
		return String.join(",", ordered);
	}

	private @Nullable String text(TemplateParameter declared, Object value) {
		String text = scalar(declared, value);
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > MAX_TEXT || !TEXT.matcher(stripped).matches()) {
			error(declared.name(), declared.name() + " must be at most " + MAX_TEXT
					+ " letters, digits, spaces and . _ : / @ ( ) # & + , ' -");
			return null;
		}
		return stripped;
	}

	private @Nullable String scalar(TemplateParameter declared, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		error(declared.name(), declared.name() + " must be a single value, not " + value.getClass().getSimpleName());
		return null;
	}

	private void notAllowed(TemplateParameter declared, String value) {
		String shown = (value.length() > 40) ? value.substring(0, 37) + "..." : value;
		error(declared.name(), "Invalid " + declared.name() + " '" + shown + "': use one of "
				+ String.join(", ", declared.allowed()));
	}

	private void error(String name, String message) {
		this.errors.add(new FieldError(DateRange.field(name), message));
	}

	private static boolean blank(@Nullable Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

}
