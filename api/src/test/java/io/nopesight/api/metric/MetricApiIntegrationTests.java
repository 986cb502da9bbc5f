package io.nopesight.api.metric;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApiIntegrationTest
class MetricApiIntegrationTests {

	private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = ApiClient.admin(this.port);
	}

	@Test
	void writeWhenBatchIsResentStoresItOnceAndReportsBadSamples() {
		// given
		String ci = server("json-web-01", "10.42.0.1");
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			samples.add(sample(ci, "cpu_usage", HOUR.plus(Duration.ofMinutes(i)).toString(), 10 + i % 7));
		}
		samples.add(sample("no-such-ci", "cpu_usage", HOUR.toString(), 1));
		samples.add(sample("json-web-01", "cpu_usage", "not a time", 1));
		// when
		Response first = this.api.post("/v1/metrics", Map.of("samples", samples));
		Response again = this.api.post("/v1/metrics", Map.of("samples", samples));
		// then
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("received").asInt()).isEqualTo(122);
		assertThat(first.json().get("written").asInt()).isEqualTo(120);
		assertThat(first.json().get("skipped").asInt()).isEqualTo(2);
		assertThat(first.json().at("/skipped_samples/0/reason").asString()).isEqualTo("unknown CI 'no-such-ci'");
		assertThat(first.json().at("/skipped_samples/1/index").asInt()).isEqualTo(121);
		assertThat(again.json().get("written").asInt()).isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(120);
		JsonNode hourly = this.api.get("/v1/cmdb/ci/" + ci + "/metrics?metric=cpu_usage&step=1h&aggregation=max&from="
				+ HOUR + "&to=" + HOUR.plus(Duration.ofHours(2))).json();
		assertThat(hourly.at("/series/0/points").size()).isEqualTo(2);
		assertThat(hourly.at("/series/0/points/0/value").asDouble()).isEqualTo(16.0);
		assertThat(hourly.at("/series/0/points/0/timestamp").asString()).isEqualTo(HOUR.toString());
	}

	@Test
	void writeWhenBodyIsInvalidAnswersValidationError() {
		// when
		Response missing = this.api.post("/v1/metrics", Map.of());
		Response badStep = this.api.get("/v1/cmdb/ci/" + server("step-01", "10.42.0.9") + "/metrics?metric=x&step=2m");
		Response unknownCi = this.api.get("/v1/cmdb/ci/ci_0000000000000000/metrics?metric=cpu_usage");
		// then
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(missing.json().at("/error/details/0/field").asString()).isEqualTo("samples");
		assertThat(badStep.status()).isEqualTo(400);
		assertThat(badStep.json().at("/error/details/0/field").asString()).isEqualTo("step");
		assertThat(unknownCi.status()).isEqualTo(404);
	}

	@Test
	void importWhenGzipCsvIsUploadedAnswers202AndTheJobCompletes() throws IOException {
		// given
		String ci = server("csv-db-01", "10.42.0.2");
		StringBuilder csv = new StringBuilder("ci,metric,timestamp,value\n");
		for (int i = 0; i < 600; i++) {
			csv.append("csv-db-01,memory_usage,").append(HOUR.plus(Duration.ofMinutes(i / 2))).append(',')
				.append(i % 2 == 0 ? 40 + i % 10 : 1).append('\n');
		}
		csv.append("ghost,memory_usage,").append(HOUR).append(",1\n");
		// when
		Response accepted = this.api.send("POST", "/v1/metrics/import",
				Map.of("Content-Type", "text/csv", "Content-Encoding", "gzip"), gzip(csv.toString()));
		JsonNode job = finished(accepted);
		// then
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json().get("status").asString()).isEqualTo("running");
		assertThat(accepted.json().get("status_url").asString()).isEqualTo("/v1/jobs/" + accepted.json().get("id").asString());
		assertThat(job.get("status").asString()).isEqualTo("completed");
		assertThat(job.get("rows_read").asLong()).isEqualTo(601);
		assertThat(job.get("rows_written").asLong()).isEqualTo(300);
		assertThat(job.get("rows_skipped").asLong()).isEqualTo(1);
		assertThat(job.at("/skipped_rows/0/line").asLong()).isEqualTo(602);
		assertThat(job.at("/skipped_rows/0/reason").asString()).isEqualTo("unknown CI 'ghost'");
		JsonNode summary = this.api.get("/v1/metrics/summary?metric=memory_usage&type=server&ci=" + ci + "&from="
				+ HOUR + "&to=" + HOUR.plus(Duration.ofHours(6))).json();
		assertThat(summary.at("/data").size()).isEqualTo(1);
		assertThat(summary.at("/data/0/ci_id").asString()).isEqualTo(ci);
		assertThat(summary.at("/data/0/samples").asLong()).isEqualTo(300);
		assertThat(summary.at("/data/0/max").asDouble()).isEqualTo(48.0);
		assertThat(summary.at("/data/0/avg").asDouble()).isEqualTo(44.0);
	}

	@Test
	void importWhenPrometheusTextIsUploadedStoresItUnderTheNamedCi() throws IOException {
		// given
		String ci = server("prom-node-01", "10.42.0.3");
		byte[] text = getClass().getResourceAsStream("/metrics/node_exporter.txt").readAllBytes();
		// when
		Response accepted = this.api.send("POST", "/v1/metrics/import?ci=prom-node-01",
				Map.of("Content-Type", "text/plain; version=0.0.4; charset=utf-8"), text);
		JsonNode job = finished(accepted);
		// then
		assertThat(job.get("format").asString()).isEqualTo("prometheus");
		assertThat(job.get("status").asString()).isEqualTo("completed");
		assertThat(job.get("rows_read").asLong()).isEqualTo(507);
		JsonNode load = this.api.get("/v1/cmdb/ci/" + ci + "/metrics?metric=node_load1&step=raw&from="
				+ Instant.now().minus(Duration.ofHours(1)) + "&to=" + Instant.now().plusSeconds(60)).json();
		assertThat(load.at("/series/0/points").size()).isEqualTo(1);
	}

	@Test
	void importWhenFormatIsGivenItOverridesTheContentTypeAndAnUnknownOneIs400() {
		// given
		server("fmt-node-01", "10.42.0.5");
		byte[] text = "node_load1 0.5\n".getBytes(StandardCharsets.UTF_8);
		// when
		JsonNode prometheus = finished(this.api.send("POST", "/v1/metrics/import?format=prometheus&ci=fmt-node-01",
				Map.of("Content-Type", "text/csv"), text));
		Response unknown = this.api.send("POST", "/v1/metrics/import?format=xml", Map.of("Content-Type", "text/csv"),
				text);
		// then
		assertThat(prometheus.get("format").asString()).isEqualTo("prometheus");
		assertThat(prometheus.get("rows_written").asLong()).isEqualTo(1);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().at("/error/details/0/field").asString()).isEqualTo("format");
	}

	@Test
	void importWhenContentTypeIsUnsupportedAnswers415AndUnknownJobIs404() {
		// when
		Response json = this.api.send("POST", "/v1/metrics/import", Map.of("Content-Type", "application/json"),
				"{}".getBytes(StandardCharsets.UTF_8));
		Response missing = this.api.get("/v1/jobs/job_0000000000000000");
		// then
		assertThat(json.status()).isEqualTo(415);
		assertThat(json.json().at("/error/code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().at("/error/code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
	}

	@Test
	void remoteWriteWhenInstanceIsAKnownIpStoresTheSeriesUnderThatCi() throws IOException {
		// given
		String ci = server("remote-01", "10.42.0.4");
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("__name__", "node_load1");
		labels.put("instance", "10.42.0.4:9100");
		labels.put("job", "node");
		long now = Instant.now().toEpochMilli();
		// when
		Response written = this.api.send("POST", "/v1/metrics/prometheus/write",
				Map.of("Content-Type", "application/x-protobuf", "Content-Encoding", "snappy",
						"X-Prometheus-Remote-Write-Version", "0.1.0"),
				RemoteWriteEncoding.request(labels, 0.75, now));
		Response garbage = this.api.send("POST", "/v1/metrics/prometheus/write",
				Map.of("Content-Type", "application/x-protobuf"), new byte[] { 0x0a, 0x7f, 0x01 });
		// then
		assertThat(written.status()).isEqualTo(204);
		JsonNode series = this.api.get("/v1/cmdb/ci/" + ci + "/metrics?metric=node_load1&step=raw&from="
				+ Instant.ofEpochMilli(now).minusSeconds(1) + "&to=" + Instant.ofEpochMilli(now).plusSeconds(1)).json();
		assertThat(series.at("/series/0/labels/job").asString()).isEqualTo("node");
		assertThat(series.at("/series/0/points/0/value").asDouble()).isEqualTo(0.75);
		assertThat(garbage.status()).isEqualTo(400);
	}

	@Test
	void writeWhenNoTokenIsGivenAnswers401() {
		// when
		Response anonymous = new ApiClient(this.port, null).post("/v1/metrics", Map.of("samples", List.of()));
		// then
		assertThat(anonymous.status()).isEqualTo(401);
	}

	private JsonNode finished(Response accepted) {
		String url = accepted.json().get("status_url").asString();
		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !this.api.get(url).json().get("status").asString().equals("running"));
		return this.api.get(url).json();
	}

	private String server(String name, String ip) {
		return this.api.post("/v1/cmdb/ci",
				Map.of("name", name, "type", "server", "attributes", Map.of("ip_address", ip)))
			.json()
			.get("id")
			.asString();
	}

	private static Map<String, Object> sample(String ci, String metric, String timestamp, double value) {
		Map<String, Object> sample = new LinkedHashMap<>();
		sample.put("ci", ci);
		sample.put("metric", metric);
		sample.put("timestamp", timestamp);
		sample.put("value", value);
		return sample;
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
