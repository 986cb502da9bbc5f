package io.nopesight.core.demo;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import io.nopesight.core.Timestamps;
import io.nopesight.core.discovery.DiscoveryScans;
import io.nopesight.core.discovery.ScanFormat;

/**
 * The demo estate's scans as its scanners sent them: the agents' process scans (a day of connections, from
 * which dependencies are inferred) and the network scans of both data centres. They are submitted like any
 * scan, in the order they were made, and the discovery job runs them in the background.
 */
@Component
class ScanDemoPart implements DemoEstatePart {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DiscoveryScans scans;

	ScanDemoPart(DiscoveryScans scans) {
		this.scans = scans;
	}

	@Override
	public int getOrder() {
		return SCANS;
	}

	@Override
	public String load(DemoEstate estate) {
		List<JsonNode> process = DemoEstate.jsonLines("demo/core/process-scans.jsonl");
		List<JsonNode> network = DemoEstate.jsonLines("demo/core/network-scans.jsonl");
		for (JsonNode scan : process) {
			for (JsonNode connection : scan.path("data").path("connections")) {
				shift((ObjectNode) connection, "observed_at", estate);
			}
			submit(scan, estate);
		}
		network.forEach((scan) -> submit(scan, estate));
		return process.size() + " process scans and " + network.size() + " network scans queued";
	}

	private void submit(JsonNode scan, DemoEstate estate) {
		shift((ObjectNode) scan, "timestamp", estate);
		this.scans.submit(JSON.writeValueAsBytes(scan), ScanFormat.JSON, null, CmdbDemoPart.ACTOR);
	}

	private static void shift(ObjectNode record, String field, DemoEstate estate) {
		JsonNode value = record.get(field);
		if (value != null && value.isString()) {
			Instant recorded = Timestamps.parse(value.asString())
				.orElseThrow(() -> new IllegalStateException("Bad " + field + " in a demo scan: " + value));
			record.put(field, estate.shifted(recorded).toString());
		}
	}

}
