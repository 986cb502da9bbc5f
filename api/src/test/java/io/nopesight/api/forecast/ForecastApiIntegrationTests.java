package io.nopesight.api.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Forecasts and anomalies over HTTP, on servers and samples written through the API: a disk that grows to
 * its limit, a flat one, and a CPU with a spike.
 */
@ApiIntegrationTest
class ForecastApiIntegrationTests {

	private static final Instant AS_OF = Instant.now().truncatedTo(ChronoUnit.HOURS);

	private static final int HOURS = 21 * 24;

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = ApiClient.admin(this.port);
	}

	private String server(String name, String environment) {
		Response created = this.api.post("/v1/cmdb/ci", Map.of("name", name, "type", "server", "attributes",
				Map.of("disk_gb", 500), "custom_fields", Map.of("environment", environment)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** Three weeks of hourly values up to AS_OF: start + perDay a day, noise of sd sigma, spike added in [from, to). */
	private void samples(String ci, String metric, double start, double perDay, double sigma, long seed) {
		Random random = new Random(seed);
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int h = 0; h < HOURS; h++) {
			Instant at = AS_OF.minus(Duration.ofHours(HOURS - h));
			samples.add(Map.of("ci", ci, "metric", metric, "timestamp", at.toString(), "value",
					start + perDay * h / 24.0 + sigma * random.nextGaussian()));
		}
		Response written = this.api.post("/v1/metrics", Map.of("samples", samples));
		assertThat(written.json().get("written").asInt()).as(written.body()).isEqualTo(HOURS);
	}

	@Test
	void aGrowingDiskIsForecastWithItsExhaustionAndAFlatOneWithout() {
		String growing = server("FCAPI-GROW-01", "fcapi");
		String flat = server("FCAPI-FLAT-01", "fcapi");
		// 2 points a day from 44%: 86% at AS_OF, 100% seven days later
		samples(growing, "disk_usage", 44, 2, 0.2, 1);
		samples(flat, "disk_usage", 35, 0, 0.2, 2);
		Instant crossing = AS_OF.plus(Duration.ofDays(7));

		Response grows = this.api.get("/v1/cmdb/ci/" + growing + "/forecast?metric=disk_usage&horizon=14d&as_of=" + AS_OF);
		Response stays = this.api.get("/v1/cmdb/ci/" + flat + "/forecast?metric=disk_usage&horizon=14d&as_of=" + AS_OF);

		assertThat(grows.status()).as(grows.body()).isEqualTo(200);
		JsonNode forecast = grows.json();
		assertThat(forecast.get("predictable").asBoolean()).isTrue();
		assertThat(forecast.get("step").asString()).isEqualTo("1h");
		assertThat(forecast.get("horizon").asString()).isEqualTo("14d");
		assertThat(forecast.at("/model/name").asString()).isNotBlank();
		assertThat(forecast.at("/model/why").asString()).contains("backtest");
		assertThat(forecast.at("/model/backtest/mase").asDouble()).isPositive();
		assertThat(forecast.at("/model/trend_per_day").asDouble()).isCloseTo(2, within(0.3));
		Instant projected = Instant.parse(forecast.get("projected_exhaustion").asString());
		assertThat(Duration.between(crossing, projected).abs()).isLessThan(Duration.ofDays(1));
		assertThat(Instant.parse(forecast.at("/exhaustion_interval/earliest").asString())).isBeforeOrEqualTo(projected);
		JsonNode point = forecast.get("points").get(0);
		assertThat(point.get("lower_95").asDouble()).isLessThanOrEqualTo(point.get("lower_80").asDouble());
		assertThat(point.get("upper_80").asDouble()).isLessThanOrEqualTo(point.get("upper_95").asDouble());
		// hourly from the hour after the last sample up to as_of + horizon
		JsonNode points = forecast.get("points");
		assertThat(points.get(0).get("timestamp").asString()).isEqualTo(AS_OF.toString());
		assertThat(points.get(points.size() - 1).get("timestamp").asString())
			.isEqualTo(AS_OF.plus(Duration.ofDays(14)).toString());
		assertThat(stays.json().get("predictable").asBoolean()).isTrue();
		assertThat(stays.json().get("projected_exhaustion").isNull()).isTrue();
	}

	@Test
	void aFleetForecastNamesTheServersThatFillUpFirst() {
		String soon = server("FCAPI-FLEET-SOON", "fcapi-fleet");
		String never = server("FCAPI-FLEET-NEVER", "fcapi-fleet");
		samples(soon, "disk_usage", 60, 1.5, 0.2, 3);
		samples(never, "disk_usage", 20, 0, 0.2, 4);
		Response fleet = this.api.post("/v1/forecasts", Map.of("ci_type", "server", "environment", "fcapi-fleet",
				"metrics", List.of("disk_usage"), "horizon", "30d", "as_of", AS_OF.toString()));
		assertThat(fleet.status()).as(fleet.body()).isEqualTo(200);
		JsonNode data = fleet.json().get("data");
		assertThat(data).hasSize(2);
		assertThat(data.get(0).get("ci_name").asString()).isEqualTo("FCAPI-FLEET-SOON");
		assertThat(data.get(0).get("projected_exhaustion").isNull()).isFalse();
		assertThat(data.get(1).get("projected_exhaustion").isNull()).isTrue();
		assertThat(fleet.json().at("/meta/exhausting").asInt()).isEqualTo(1);
		Response again = this.api.post("/v1/forecasts", Map.of("ci_ids", List.of(soon, never), "metric", "disk_usage",
				"horizon", "30d", "as_of", AS_OF.toString()));
		assertThat(again.json().at("/meta/from_cache").asInt()).isEqualTo(2);
	}

	@Test
	void anomaliesListTheSpike() {
		String ci = server("FCAPI-SPIKE-01", "fcapi");
		Random random = new Random(5);
		List<Map<String, Object>> samples = new ArrayList<>();
		Instant spike = AS_OF.minus(Duration.ofDays(2));
		for (int h = 0; h < HOURS; h++) {
			Instant at = AS_OF.minus(Duration.ofHours(HOURS - h));
			double value = 30 + 8 * Math.sin(2 * Math.PI * h / 24) + random.nextGaussian() + (at.equals(spike) ? 35 : 0);
			samples.add(Map.of("ci", ci, "metric", "cpu_usage", "timestamp", at.toString(), "value", value));
		}
		this.api.post("/v1/metrics", Map.of("samples", samples));
		Response response = this.api.get("/v1/cmdb/ci/" + ci + "/anomalies?metric=cpu_usage&from="
				+ AS_OF.minus(Duration.ofDays(5)) + "&to=" + AS_OF);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode largest = response.json().get("episodes").get(0);
		assertThat(Instant.parse(largest.get("start").asString())).isEqualTo(spike);
		assertThat(largest.get("direction").asString()).isEqualTo("above");
		assertThat(largest.get("deviation").asDouble()).isCloseTo(35, within(6.0));
		assertThat(response.json().get("points_checked").asInt()).isEqualTo(5 * 24);
	}

	@Test
	void badParametersAreA400NamingThemAndAnUnknownCiA404() {
		String ci = server("FCAPI-BAD-01", "fcapi");
		Response noMetric = this.api.get("/v1/cmdb/ci/" + ci + "/forecast");
		Response badHorizon = this.api.get("/v1/cmdb/ci/" + ci + "/forecast?metric=disk_usage&horizon=soon");
		Response tooFar = this.api.get("/v1/cmdb/ci/" + ci + "/forecast?metric=disk_usage&horizon=400d");
		Response badStep = this.api.get("/v1/cmdb/ci/" + ci + "/forecast?metric=disk_usage&step=raw");
		Response badAsOf = this.api.get("/v1/cmdb/ci/" + ci + "/forecast?metric=disk_usage&as_of=yesterday-ish");
		Response unknown = this.api.get("/v1/cmdb/ci/ci_missing/forecast?metric=disk_usage");
		Response noCis = this.api.post("/v1/forecasts", Map.of("metrics", List.of("disk_usage")));
		Response backwards = this.api.get("/v1/cmdb/ci/" + ci + "/anomalies?metric=cpu_usage&from=" + AS_OF + "&to="
				+ AS_OF.minus(Duration.ofDays(1)));
		assertThat(List.of(noMetric, badHorizon, tooFar, badStep, badAsOf, noCis, backwards))
			.allSatisfy((r) -> {
				assertThat(r.status()).as(r.body()).isEqualTo(400);
				assertThat(r.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
			});
		assertThat(badHorizon.body()).contains("horizon");
		assertThat(badStep.body()).contains("step");
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void aTokenWithoutCmdbReadIsRefused() {
		Response key = this.api.post("/v1/auth/api-keys", Map.of("name", "fcapi-agents-only", "scopes",
				List.of("agents.query")));
		assertThat(key.status()).as(key.body()).isEqualTo(201);
		ApiClient agentsOnly = this.api.withToken(key.json().get("token").asString());
		Response refused = agentsOnly.get("/v1/cmdb/ci/ci_any/forecast?metric=disk_usage");
		assertThat(refused.status()).isEqualTo(403);
	}

}
