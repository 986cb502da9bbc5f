package io.nopesight.batch.metric;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nopesight.core.Timestamps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV import reads timestamps with its own fast parser; wherever it and {@link Timestamps} (the API's
 * reading) both accept a text, they read the same instant.
 */
class CsvTimestampTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-10-02T01:00:00Z", "2026-10-02T01:00:00.5Z", "2026-10-02T01:00:00.123456789Z",
			"2026-10-02t01:00:00z", "2026-10-02T03:00:00+02:00", "2026-10-01T20:30:00.25-04:30", "1793318400", "0",
			"2026-10-02T01:00Z", "2026-10-02", "2026-10-02 01:00:00Z", "1793318400000" })
	void timestampWhenBothReadingsAcceptATextTheyAgree(String text) {
		// when
		Optional<Instant> api = Timestamps.parse(text);
		Instant csv;
		try {
			csv = CsvSampleParser.timestamp(text);
		}
		catch (InvalidSampleException ex) {
			csv = null;
		}
		// then
		if (api.isPresent() && csv != null) {
			assertThat(csv).isEqualTo(api.get());
		}
		assertThat(api.isPresent() || csv != null).as("at least one reading accepts " + text).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-10-02T01:00:00Z", "2026-10-02T01:00:00.5Z", "2026-10-02t01:00:00z",
			"2026-10-02T03:00:00+02:00", "1793318400" })
	void timestampWhenTheTextIsInTheCommonFormsBothAcceptIt(String text) throws InvalidSampleException {
		assertThat(Timestamps.parse(text)).contains(CsvSampleParser.timestamp(text));
	}

}
