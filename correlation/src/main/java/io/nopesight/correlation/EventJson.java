package io.nopesight.correlation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON objects as the event and incident tables keep them (metrics, labels, annotations, evidence).
 */
final class EventJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	private EventJson() {
	}

	static String write(@Nullable Object value) {
		return JSON.writeValueAsString((value != null) ? value : Map.of());
	}

	static Map<String, @Nullable Object> read(@Nullable String json) {
		return (json == null || json.isBlank()) ? new LinkedHashMap<>() : JSON.readValue(json, MAP);
	}

}
