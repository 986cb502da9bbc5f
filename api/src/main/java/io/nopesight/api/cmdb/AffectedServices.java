package io.nopesight.api.cmdb;

import java.util.List;

import io.nopesight.core.cmdb.Impact;

/**
 * The business services a failure takes down, for the impact answer's {@code affected_services}. Services
 * live in the correlation module; a bean of this type that asks them replaces {@link #NONE}, which names
 * none. It gets the whole impact, so it can look at every CI reached, not only the ones the answer lists.
 */
@FunctionalInterface
interface AffectedServices {

	AffectedServices NONE = (impact) -> List.of();

	List<?> of(Impact impact);

}
