package io.nopesight.batch.metric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PrometheusTextParserTests {

	private static final Instant RECEIVED = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void parseWhenGivenRealNodeExporterOutputReadsEverySampleLine() throws Exception {
		// given
		List<String> lines = nodeExporter();
		List<ParsedSample> samples = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		// when
		for (String line : lines) {
			try {
				ParsedSample sample = PrometheusTextParser.parse(line, "node-01", RECEIVED);
				if (sample != null) {
					samples.add(sample);
				}
			}
			catch (InvalidSampleException ex) {
				problems.add(ex.getMessage());
			}
		}
		// then
		assertThat(samples.size() + problems.size()).isEqualTo(507);
		assertThat(problems).allMatch((p) -> p.startsWith("value must be a finite number"));
		assertThat(samples).allMatch((s) -> s.ci().equals("node-01") && s.timestamp().equals(RECEIVED));
		assertThat(samples).filteredOn((s) -> s.metric().equals("node_os_info"))
			.singleElement()
			.satisfies((s) -> assertThat(s.labels()).containsEntry("pretty_name", "Debian GNU/Linux 12 (bookworm)")
				.containsEntry("build_id", ""));
		assertThat(samples).filteredOn((s) -> s.metric().equals("go_memstats_buck_hash_sys_bytes"))
			.singleElement()
			.satisfies((s) -> assertThat(s.value()).isEqualTo(1.445457e+06));
	}

	@Test
	void parseWhenLineHasInstanceTimestampAndEscapesUsesThem() throws Exception {
		// when
		ParsedSample sample = PrometheusTextParser.parse(
				"http_requests_total{instance=\"web-01:9100\",path=\"/a\\\"b\\\\c\",code=\"200\"} 1027 1795000000000",
				null, RECEIVED);
		// then
		assertThat(sample.ci()).isEqualTo("web-01:9100");
		assertThat(sample.ciIsInstance()).isTrue();
		assertThat(sample.labels()).isEqualTo(Map.of("path", "/a\"b\\c", "code", "200"));
		assertThat(sample.timestamp()).isEqualTo(Instant.ofEpochMilli(1795000000000L));
		assertThat(sample.value()).isEqualTo(1027);
	}

	@Test
	void parseWhenLineIsBrokenThrowsWithTheReason() {
		assertThatExceptionOfType(InvalidSampleException.class)
			.isThrownBy(() -> PrometheusTextParser.parse("up{job=\"x\" 1", "n", RECEIVED))
			.withMessageContaining("label");
		assertThatExceptionOfType(InvalidSampleException.class)
			.isThrownBy(() -> PrometheusTextParser.parse("up one", "n", RECEIVED))
			.withMessage("invalid value 'one'");
		assertThatExceptionOfType(InvalidSampleException.class)
			.isThrownBy(() -> PrometheusTextParser.parse("up 1", null, RECEIVED))
			.withMessageStartingWith("no CI for the sample");
	}

	private static List<String> nodeExporter() throws IOException {
		try (InputStream in = PrometheusTextParserTests.class.getResourceAsStream("/metrics/node_exporter.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
