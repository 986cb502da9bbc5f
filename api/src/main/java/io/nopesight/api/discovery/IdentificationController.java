package io.nopesight.api.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.discovery.DiscoveryReconciliation;
import io.nopesight.core.discovery.Identification;
import io.nopesight.core.discovery.IdentificationRule;

/**
 * The identification rules, and the dry run that says what one host would match and change.
 */
@Tag(name = "Identification")
@RestController
class IdentificationController {

	private final DiscoveryReconciliation reconciliation;

	IdentificationController(DiscoveryReconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	@GetMapping("/v1/discovery/rules")
	@RequiredScope("discovery.read")
	Rules rules() {
		List<Rule> rules = new ArrayList<>();
		List<IdentificationRule> ordered = this.reconciliation.rules();
		for (int i = 0; i < ordered.size(); i++) {
			rules.add(new Rule(i + 1, ordered.get(i).key(), ordered.get(i).description()));
		}
		return new Rules(rules,
				"A rule matching several CIs is a conflict, recorded on the scan and never merged; weaker rules are then not tried. Generic hostnames (localhost, unknown-device, empty, IP-like, ...) and all-zero MACs identify nothing.");
	}

	@PostMapping("/v1/discovery/identify")
	@RequiredScope("discovery.read")
	IdentifyResponse identify(@RequestBody Map<String, @Nullable Object> host) {
		return IdentifyResponse.from(this.reconciliation.identify(host, Instant.now()));
	}

	record Rules(List<Rule> data, String notes) {
	}

	record Rule(int order, String key, String description) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record IdentifyResponse(String outcome, boolean matched, @Nullable String rule, @Nullable CiRef ci,
			@Nullable CiRef wouldCreate, List<String> conflictingCiIds, Map<String, Identification.Change> changes) {

		static IdentifyResponse from(Identification identification) {
			boolean created = identification.outcome() == Identification.Outcome.CREATE;
			CiRef ref = (identification.ciName() != null)
					? new CiRef(identification.ciId(), identification.ciName(), identification.ciType()) : null;
			boolean matched = !created && identification.outcome() != Identification.Outcome.CONFLICT;
			return new IdentifyResponse(identification.outcome().value(), matched,
					(identification.rule() != null) ? identification.rule().key() : null, matched ? ref : null,
					created ? ref : null, identification.conflictingCiIds(), identification.changes());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CiRef(@Nullable String id, String name, @Nullable String type) {
	}

}
