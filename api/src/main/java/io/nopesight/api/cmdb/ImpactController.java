package io.nopesight.api.cmdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.cmdb.ConfigurationItemNotFoundException;
import io.nopesight.core.cmdb.Impact;
import io.nopesight.core.cmdb.Topology;

/**
 * What is affected if a CI fails, read from core's in-memory {@link Topology}, not from the database.
 */
@RestController
@Tag(name = "Configuration items")
class ImpactController {

	static final int MAX_DEPTH = 10;

	static final int MAX_LIMIT = 1000;

	private final Topology topology;

	private final AffectedServices services;

	ImpactController(Topology topology, ObjectProvider<AffectedServices> services) {
		this.topology = topology;
		this.services = services.getIfAvailable(() -> AffectedServices.NONE);
	}

	@GetMapping("/v1/cmdb/ci/{id}/impact")
	@RequiredScope("cmdb.read")
	@Operation(summary = "What is affected if this CI fails",
			description = "Follows failure from the CI to everything that `runs_on`, `depends_on`, `installed_on`, "
					+ "`hosted_on` or `uses` it, and from a network device to what is `connected_to` it, up to "
					+ "`max_depth` links. `total_affected` counts every CI reached; `affected_cis` lists the first "
					+ "`limit` of them (default 100: a core switch can reach most of the estate) by distance, name "
					+ "and id, each with a shortest `path` from this CI to it (both included) and the relationship "
					+ "types along it (`via`). The graph follows writes within about a second.")
	ImpactResponse impact(@PathVariable String id,
			@Parameter(description = "how many links away to follow the failure, 1 to " + MAX_DEPTH) @RequestParam(
					name = "max_depth", defaultValue = "6") int maxDepth,
			@Parameter(description = "how many affected CIs to list, 0 (count only) to " + MAX_LIMIT) @RequestParam(
					defaultValue = "100") int limit) {
		check(maxDepth, limit);
		Impact impact = this.topology.impact(id, maxDepth, limit)
			.or(() -> afterCatchingUp(id, maxDepth, limit))
			.orElseThrow(() -> new ConfigurationItemNotFoundException(id));
		return ImpactResponse.from(impact, this.services.of(impact));
	}

	// a CI created a moment ago may not be in the graph yet; asking the outbox once more costs one query, and
	// only for ids the graph does not know
	private Optional<Impact> afterCatchingUp(String id, int maxDepth, int limit) {
		this.topology.catchUp();
		return this.topology.impact(id, maxDepth, limit);
	}

	private static void check(int maxDepth, int limit) {
		List<FieldError> errors = new ArrayList<>();
		if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
			errors.add(new FieldError("max_depth", "max_depth must be between 1 and " + MAX_DEPTH));
		}
		if (limit < 0 || limit > MAX_LIMIT) {
			errors.add(new FieldError("limit", "limit must be between 0 and " + MAX_LIMIT));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
