package io.nopesight.batch.metric;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvSampleParserTests {

	@Test
	void parseWhenLineIsTheDemoFormatReadsEveryColumn() throws Exception {
		// when
		ParsedSample sample = CsvSampleParser.parse("VMWARE-HOST-01,cpu_usage,2026-10-02T01:00:00Z,38.18");
		// then
		assertThat(sample.ci()).isEqualTo("VMWARE-HOST-01");
		assertThat(sample.metric()).isEqualTo("cpu_usage");
		assertThat(sample.timestamp()).isEqualTo(Instant.parse("2026-10-02T01:00:00Z"));
		assertThat(sample.value()).isEqualTo(38.18);
		assertThat(CsvSampleParser.isHeader("ci,metric,timestamp,value")).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2026-10-02T01:00:00Z|2026-10-02T01:00:00Z",
			"2026-10-02T01:00:00.5Z|2026-10-02T01:00:00.500Z", "2026-10-02T03:00:00+02:00|2026-10-02T01:00:00Z",
			"1790902800|2026-10-02T01:00:00Z", "1790902800000|2026-10-02T01:00:00Z",
			"2024-02-29T23:59:59.123456789Z|2024-02-29T23:59:59.123456789Z" })
	void timestampWhenGivenAnySupportedFormatGivesTheSameInstant(String text, String expected) throws Exception {
		assertThat(CsvSampleParser.timestamp(text)).isEqualTo(Instant.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13-02T01:00:00Z", "2026-02-30T01:00:00Z", "2026-10-02 01:00:00", "yesterday", "" })
	void timestampWhenInvalidThrows(String text) {
		assertThatExceptionOfType(InvalidSampleException.class).isThrownBy(() -> CsvSampleParser.timestamp(text));
	}

	@Test
	void parseWhenColumnsOrValueAreWrongThrowsWithTheReason() {
		assertThatExceptionOfType(InvalidSampleException.class)
			.isThrownBy(() -> CsvSampleParser.parse("a,b,2026-10-02T01:00:00Z,1,extra"))
			.withMessage("expected 4 columns: ci,metric,timestamp,value");
		assertThatExceptionOfType(InvalidSampleException.class)
			.isThrownBy(() -> CsvSampleParser.parse("a,b,2026-10-02T01:00:00Z,NaN"))
			.withMessageStartingWith("value must be a finite number");
		assertThatExceptionOfType(InvalidSampleException.class)
			.isThrownBy(() -> CsvSampleParser.parse(",b,2026-10-02T01:00:00Z,1"))
			.withMessage("ci is empty");
	}

}
