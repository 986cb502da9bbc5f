package io.nopesight.api.cmdb;

import java.util.List;

import io.nopesight.core.cmdb.Impact;
import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.core.cmdb.ImpactedCi;
import io.nopesight.core.cmdb.TopologyNode;

/**
 * What the failure of {@code ci} takes down: {@code total_affected} CIs within {@code max_depth} links, the
 * first of them (by distance, name, id) in {@code affected_cis}, each with the way the failure travels there
 * ({@code path} from the failing CI to it, both included; {@code via[i]} is the relationship type between
 * {@code path[i]} and {@code path[i + 1]}).
 */
record ImpactResponse(CiRef ci, int maxDepth, int totalAffected, List<AffectedCi> affectedCis,
		List<?> affectedServices) {

	static ImpactResponse from(Impact impact, List<?> affectedServices) {
		return new ImpactResponse(CiRef.from(impact.origin()), impact.maxDepth(), impact.total(),
				impact.cis().stream().map(AffectedCi::from).toList(), affectedServices);
	}

	record CiRef(String id, String name, String type) {

		static CiRef from(TopologyNode node) {
			return new CiRef(node.id(), node.name(), node.type());
		}

	}

	record AffectedCi(String id, String name, String type, int distance, List<CiRef> path, List<String> via) {

		static AffectedCi from(ImpactedCi impacted) {
			TopologyNode ci = impacted.ci();
			return new AffectedCi(ci.id(), ci.name(), ci.type(), impacted.distance(),
					impacted.path().stream().map(CiRef::from).toList(),
					impacted.links().stream().map(ImpactLink::relationshipType).toList());
		}

	}

}
