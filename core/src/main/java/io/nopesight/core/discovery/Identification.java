package io.nopesight.core.discovery;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What reconciling one host would do (the dry run of {@code POST /discovery/identify}): the CI and rule
 * it matched, or the CI it would create, or the CIs it conflicts with; and the attribute changes.
 */
public record Identification(Outcome outcome, @Nullable String ciId, @Nullable String ciName,
		@Nullable String ciType, @Nullable IdentificationRule rule, List<String> conflictingCiIds,
		Map<String, Change> changes) {

	/**
	 * What reconciliation does with a host.
	 */
	public enum Outcome {

		CREATE, UPDATE, UNCHANGED, CONFLICT;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One attribute before and after.
	 */
	public record Change(@Nullable Object from, @Nullable Object to) {
	}

}
