package io.nopesight.nlq;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSONB objects of a row.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private Json() {
	}

	static Map<String, Object> object(String text) {
		return MAPPER.readValue(text, OBJECT);
	}

}
