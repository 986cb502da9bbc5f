package io.nopesight.core.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;

/**
 * The scopes a token can carry. {@code admin} implies every other one.
 */
public final class Scopes {

	public static final Set<String> ALL = Set.of("cmdb.read", "cmdb.write", "discovery.submit", "discovery.read",
			"events.read", "events.write", "services.read", "services.write", "reports.read", "reports.write",
			"reports.query", "agents.query", "webhooks.manage",
			Principal.ADMIN_SCOPE);

	private Scopes() {
	}

	/**
	 * Checks scopes as a client sent them: at least one, each known.
	 */
	public static Set<String> check(@Nullable Collection<String> scopes, String field) {
		if (scopes == null || scopes.isEmpty()) {
			throw new InvalidInputException(field, "at least one scope is required; known scopes: " + known());
		}
		List<FieldError> errors = new ArrayList<>();
		for (String scope : scopes) {
			if (scope == null || !ALL.contains(scope)) {
				errors.add(new FieldError(field, "Unknown scope '" + scope + "'; known scopes: " + known()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return Set.copyOf(scopes);
	}

	private static String known() {
		return String.join(", ", new TreeSet<>(ALL));
	}

}
