package io.nopesight.correlation.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.nopesight.core.demo.DemoEstate;
import io.nopesight.core.demo.DemoEstatePart;
import tools.jackson.databind.JsonNode;

/**
 * The demo estate's business services and how they depend on each other; their health follows from the
 * demo events, so the demo's incidents show as outages at the times they happened.
 */
@Component
class ServiceDemoPart implements DemoEstatePart {

	static final String SERVICES = "demo/correlation/services.jsonl";

	private final Services services;

	ServiceDemoPart(Services services) {
		this.services = services;
	}

	@Override
	public int getOrder() {
		return FEATURES + 10;
	}

	@Override
	public String load(DemoEstate estate) {
		List<JsonNode> lines = DemoEstate.jsonLines(SERVICES);
		Map<String, String> ids = new HashMap<>();
		for (JsonNode line : lines) {
			List<NewService.NewComponent> components = new ArrayList<>();
			line.path("components").forEach((c) -> components.add(
					new NewService.NewComponent(estate.ciId(c.path("ci").asString()), c.path("role").asString())));
			JsonNode sla = line.path("sla");
			BusinessService created = this.services.create(new NewService(line.path("name").asString(),
					line.path("description").asString(), line.path("criticality").asString(),
					new BusinessService.Sla(sla.path("availability").asString(), sla.path("response_time").asString()),
					components), "demo");
			ids.put(created.name(), created.id());
		}
		int dependencies = 0;
		for (JsonNode line : lines) {
			for (JsonNode dependency : line.path("depends_on")) {
				this.services.addDependency(ids.get(line.path("name").asString()),
						ids.get(dependency.path("service").asString()),
						DependencyType.fromValue(dependency.path("type").asString()).orElseThrow(),
						DependencyImpact.fromValue(dependency.path("impact").asString()).orElseThrow(), "demo");
				dependencies++;
			}
		}
		return lines.size() + " services, " + dependencies + " dependencies between them";
	}

}
