package io.nopesight.api.cmdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiTestProperties;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConfigurationItemApiIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ApiTestProperties.register(registry);
	}

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = ApiClient.admin(this.port);
	}

	@Test
	void createGetUpdateDeleteWhenAdminRoundTrips() {
		// given
		Response created = this.api.post("/v1/cmdb/ci", prodDb01());
		String id = created.json().get("id").asString();
		// when
		Response fetched = this.api.get("/v1/cmdb/ci/" + id);
		Response updated = this.api.put("/v1/cmdb/ci/" + id,
				Map.of("status", "maintenance", "attributes", Map.of("memory_gb", 128)));
		Response deleted = this.api.delete("/v1/cmdb/ci/" + id);
		// then
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/v1/cmdb/ci/" + id);
		assertThat(created.json().get("message").asString()).isEqualTo("Configuration item created successfully");
		assertThat(fetched.json().get("created_by").asString()).isEqualTo("admin");
		assertThat(fetched.json().at("/attributes/os").asString()).isEqualTo("RedHat 8.5");
		assertThat(updated.json().get("status").asString()).isEqualTo("maintenance");
		assertThat(updated.json().at("/attributes/memory_gb").asInt()).isEqualTo(128);
		assertThat(updated.json().at("/attributes/cpu_cores").asInt()).isEqualTo(16);
		assertThat(deleted.json().get("message").asString()).isEqualTo("Configuration item deleted successfully");
		assertThat(this.api.get("/v1/cmdb/ci/" + id).status()).isEqualTo(404);
	}

	private static Map<String, Object> prodDb01() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "PROD-DB-01");
		body.put("type", "server");
		body.put("status", "active");
		body.put("attributes", Map.of("os", "RedHat 8.5", "ip_address", "10.0.2.20", "cpu_cores", 16, "memory_gb", 64));
		body.put("custom_fields", Map.of("department", "IT", "environment", "production"));
		return body;
	}

	static List<String> names(JsonNode data) {
		return data.valueStream().map((n) -> n.get("name").asString()).toList();
	}

}
