package io.nopesight.correlation.service;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A service as a client describes it; on an update, what is left out stays as it was. Components name their
 * CI by id or by name.
 */
public record NewService(@Nullable String name, @Nullable String description, @Nullable String criticality,
		BusinessService.@Nullable Sla sla, @Nullable List<NewComponent> components) {

	/**
	 * A component as given: the CI's id or name, and its role.
	 */
	public record NewComponent(@Nullable String ci, @Nullable String role) {
	}

}
