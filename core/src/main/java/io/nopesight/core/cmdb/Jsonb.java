package io.nopesight.core.cmdb;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSONB columns of the CMDB tables.
 */
final class Jsonb {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// resolved once: a reader per call would look the type up again for every column of every row
	private static final ObjectReader MAP_READER = JSON
		.readerFor(new TypeReference<LinkedHashMap<String, @Nullable Object>>() {
		});

	private Jsonb() {
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static Map<String, @Nullable Object> read(@Nullable String json) {
		return (json == null) ? new LinkedHashMap<>() : MAP_READER.readValue(json);
	}

}
