package io.nopesight.batch.metric;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;

/**
 * Loads the demo estate's CIs ({@code metrics/cis.jsonl}, a copy of the shared demo data) through
 * {@link CmdbManagement}; returns name to id.
 */
final class DemoEstateFixture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DemoEstateFixture() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> load(CmdbManagement cmdb) {
		Map<String, String> ids = new LinkedHashMap<>();
		try (InputStream in = DemoEstateFixture.class.getResourceAsStream("/metrics/cis.jsonl");
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = JSON.readTree(line);
				Map<String, Object> item = JSON.convertValue(node, Map.class);
				String id = cmdb.create(new NewConfigurationItem((String) item.get("name"), (String) item.get("type"),
						(String) item.get("status"), null, (Map<String, Object>) item.get("attributes"),
						(Map<String, Object>) item.get("custom_fields")), "test").id();
				ids.put((String) item.get("name"), id);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ids;
	}

	static InputStream demoMetrics() {
		return DemoEstateFixture.class.getResourceAsStream("/metrics/metrics.csv.gz");
	}

}
