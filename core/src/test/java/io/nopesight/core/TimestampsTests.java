package io.nopesight.core;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimestampsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2024-01-20T15:30:00Z           | 2024-01-20T15:30:00Z
			2024-01-20t15:30:00z           | 2024-01-20T15:30:00Z
			2024-01-20 15:30:00Z           | 2024-01-20T15:30:00Z
			2024-01-20T15:30:00.5Z         | 2024-01-20T15:30:00.500Z
			2024-01-20T15:30:00.123456789Z | 2024-01-20T15:30:00.123456789Z
			2024-01-20T16:30:00+01:00      | 2024-01-20T15:30:00Z
			2024-01-20T10:00:00.25-05:30   | 2024-01-20T15:30:00.250Z
			2024-01-20T15:30:00-00:00      | 2024-01-20T15:30:00Z
			2024-01-20                     | 2024-01-20T00:00:00Z
			2024-02-29                     | 2024-02-29T00:00:00Z
			1705764600                     | 2024-01-20T15:30:00Z
			0                              | 1970-01-01T00:00:00Z
			# digits are epoch seconds, even when they look like a compact date
			20240120                       | 1970-08-23T06:15:20Z
			' 2024-01-20T15:30:00Z '       | 2024-01-20T15:30:00Z
			""")
	void parseWhenGivenAnAcceptedFormReadsTheInstant(String text, String expected) {
		assertThat(Timestamps.parse(text)).contains(Instant.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2024-01-20T15:30Z", "2024-01-20T15:30:00", "2024-01-20T15:30:00+0100",
			"2024-01-20T15:30:00+01", "2024-01-20T15:30:00.Z", "2024-01-20T15:30:00.1234567890Z",
			"2024-13-01T00:00:00Z", "2023-02-29", "2024-01-32", "2024-1-20", "24-01-20T15:30:00Z",
			"2024-01-20T24:00:00Z", "2024-01-20X15:30:00Z", "-1705764600", "1705764600.5", "1705764600000",
			"99999999999999999999", "+2024-01-20T15:30:00Z", "2024-01-20T15:30:00Z trailing" })
	void parseWhenGivenAnythingElseIsEmpty(String text) {
		assertThat(Timestamps.parse(text)).isEmpty();
	}

	@Test
	void parseWhenMissingOrBlankIsEmpty() {
		assertThat(Timestamps.parse(null)).isEmpty();
		assertThat(Timestamps.parse(" ")).isEmpty();
	}

	@Test
	void parseFieldWhenMissingIsNull() {
		assertThat(Timestamps.parseField("from", null)).isNull();
		assertThat(Timestamps.parseField("from", "")).isNull();
	}

	@Test
	void parseFieldWhenInvalidThrowsNamingTheFieldAndTheForms() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Timestamps.parseField("as_of", "last tuesday"))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.isEqualTo(new InvalidInputException.FieldError("as_of",
						"Invalid as_of 'last tuesday': use an RFC 3339 date-time such as 2024-01-20T15:30:00Z,"
								+ " a date such as 2024-01-20, or Unix epoch seconds")));
	}

	@Test
	void invalidWhenTextIsLongAbbreviatesIt() {
		assertThat(Timestamps.invalid("from", "x".repeat(100))).startsWith("Invalid from '" + "x".repeat(57) + "...'");
	}

}
