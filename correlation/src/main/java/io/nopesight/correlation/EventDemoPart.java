package io.nopesight.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import io.nopesight.core.Timestamps;
import io.nopesight.core.demo.DemoEstate;
import io.nopesight.core.demo.DemoEstatePart;

/**
 * The demo estate's events: 30 days of alerts from four monitoring sources, mostly noise, with the cascades
 * of a few real incidents among them, taken in as a backfill (their own times and statuses) so that the
 * correlator groups them as it would have live.
 */
@Component
class EventDemoPart implements DemoEstatePart {

	static final String EVENTS = "demo/correlation/events.jsonl.gz";

	private final Events events;

	EventDemoPart(Events events) {
		this.events = events;
	}

	@Override
	public int getOrder() {
		return FEATURES;
	}

	@Override
	public String load(DemoEstate estate) {
		int loaded = 0;
		for (JsonNode line : DemoEstate.jsonLines(EVENTS)) {
			List<String> cis = new ArrayList<>();
			line.path("affected_cis").forEach((name) -> cis.add(estate.ciId(name.asString())));
			Instant at = estate.shifted(Timestamps.parse(line.path("created_at").asString()).orElseThrow());
			this.events.submit(new NewEvent(line.path("title").asString(), text(line, "description"),
					line.path("severity").asString(), line.path("status").asString(), line.path("source").asString(),
					text(line, "source_id"), null, cis, map(line.path("metrics")), Map.of(), Map.of(), at), "demo");
			loaded++;
		}
		return loaded + " events (the correlator groups them into incidents in the background)";
	}

	private static @Nullable String text(JsonNode line, String field) {
		return line.path(field).isString() ? line.path(field).asString() : null;
	}

	private static Map<String, @Nullable Object> map(JsonNode object) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		if (object.isObject()) {
			object.properties().forEach((entry) -> values.put(entry.getKey(),
					entry.getValue().isNumber() ? entry.getValue().numberValue() : entry.getValue().asString()));
		}
		return values;
	}

}
