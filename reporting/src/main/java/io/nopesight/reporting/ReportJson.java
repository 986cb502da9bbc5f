package io.nopesight.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report parameters to and from their JSONB column.
 */
final class ReportJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private ReportJson() {
	}

	static String write(Map<String, Object> parameters) {
		return JSON.writeValueAsString(parameters);
	}

	static Map<String, Object> read(@Nullable String json) {
		return (json != null) ? JSON.readValue(json, MAP) : new LinkedHashMap<>();
	}

}
