package io.nopesight.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemNotFoundException;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Forecasts and anomalies of series written to the real metric store (and read back through its roll-ups).
 */
@CoreIntegrationTest
class ForecastsIntegrationTests {

	static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

	static final int HOURS = 30 * 24;

	@Autowired
	Forecasts forecasts;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	MetricStore store;

	private ConfigurationItem server(String name, String environment) {
		return this.cmdb.create(new NewConfigurationItem(name, "server", "active", null,
				Map.of("cpu_cores", 8, "memory_gb", 32, "disk_gb", 500), Map.of("environment", environment)), "tester");
	}

	/** 30 days of hourly disk use ending at AS_OF: start + perDay a day, with noise of sd sigma. */
	private void disk(ConfigurationItem ci, double start, double perDay, double sigma, long seed) {
		Random random = new Random(seed);
		List<MetricSample> samples = new ArrayList<>();
		for (int h = 0; h < HOURS; h++) {
			Instant at = AS_OF.minus(Duration.ofHours(HOURS - h));
			samples.add(new MetricSample(ci.id(), "disk_usage", Map.of(), at,
					start + perDay * h / 24.0 + sigma * random.nextGaussian()));
		}
		this.store.write(samples);
	}

	@Test
	void aGrowingDiskGetsItsExhaustionDateWithAnIntervalAndAFlatOneNone() {
		// given: 60% growing 1.2 points a day reaches 100% 3.33 days after the history's 30 days of growth
		ConfigurationItem growing = server("FC-GROW-01", "production");
		ConfigurationItem flat = server("FC-FLAT-01", "production");
		disk(growing, 60 - 1.2 * 30, 1.2, 0.15, 1);
		disk(flat, 41, 0, 0.15, 2);
		Instant trueCrossing = AS_OF.plus(Duration.ofMinutes((long) ((100 - 60) / 1.2 * 24 * 60)));
		// when
		CapacityForecast grows = this.forecasts
			.forecast(new ForecastRequest(growing.id(), "disk_usage", Duration.ofDays(60), null, AS_OF, null));
		CapacityForecast stays = this.forecasts
			.forecast(new ForecastRequest(flat.id(), "disk_usage", Duration.ofDays(60), null, AS_OF, null));
		// then
		assertThat(grows.predictable()).as(String.valueOf(grows.reason())).isTrue();
		assertThat(grows.ciName()).isEqualTo("FC-GROW-01");
		assertThat(grows.step()).isEqualTo(Duration.ofDays(1));
		assertThat(grows.exhaustion()).isNotNull();
		assertThat(grows.exhaustion().expected()).isNotNull();
		assertThat(Duration.between(trueCrossing, grows.exhaustion().expected()).abs())
			.isLessThan(Duration.ofDays(5));
		assertThat(grows.exhaustion().earliest()).isBeforeOrEqualTo(grows.exhaustion().expected());
		assertThat(grows.model().trendPerDay()).isCloseTo(1.2, within(0.2));
		assertThat(grows.points().get(0).lower95()).isLessThanOrEqualTo(grows.points().get(0).lower80());
		assertThat(stays.predictable()).isTrue();
		assertThat(stays.exhaustion()).isNull();
	}

	@Test
	void noiseIsAnsweredUnpredictableWithTheReason() {
		ConfigurationItem noisy = server("FC-NOISE-01", "staging");
		disk(noisy, 50, 0, 15, 3);
		CapacityForecast forecast = this.forecasts
			.forecast(new ForecastRequest(noisy.id(), "disk_usage", Duration.ofDays(30), null, AS_OF, null));
		assertThat(forecast.predictable()).isFalse();
		assertThat(forecast.reason()).startsWith("too noisy");
		assertThat(forecast.points()).isEmpty();
		assertThat(forecast.exhaustion()).isNull();
	}

	@Test
	void aSeriesTooShortOrMissingIsUnpredictable() {
		ConfigurationItem young = server("FC-YOUNG-01", "staging");
		this.store.write(List.of(new MetricSample(young.id(), "disk_usage", Map.of(), AS_OF.minusSeconds(7200), 40),
				new MetricSample(young.id(), "disk_usage", Map.of(), AS_OF.minusSeconds(3600), 41)));
		CapacityForecast shortOne = this.forecasts
			.forecast(new ForecastRequest(young.id(), "disk_usage", Duration.ofDays(7), null, AS_OF, null));
		CapacityForecast none = this.forecasts
			.forecast(new ForecastRequest(young.id(), "memory_usage", Duration.ofDays(7), null, AS_OF, null));
		assertThat(shortOne.predictable()).isFalse();
		assertThat(shortOne.reason()).startsWith("too short");
		assertThat(none.predictable()).isFalse();
		assertThat(none.reason()).startsWith("no samples");
	}

	@Test
	void asOfForecastsFromTheDataUpToThatInstantOnly() {
		ConfigurationItem ci = server("FC-ASOF-01", "production");
		disk(ci, 20, 1.0, 0.1, 4);
		Instant earlier = AS_OF.minus(Duration.ofDays(10));
		CapacityForecast forecast = this.forecasts
			.forecast(new ForecastRequest(ci.id(), "disk_usage", Duration.ofDays(7), MetricStep.HOUR, earlier, null));
		assertThat(forecast.lastSampleAt()).isBefore(earlier);
		assertThat(forecast.points().get(0).timestamp()).isEqualTo(forecast.lastSampleAt().plusSeconds(3600));
		// the points end at as_of + horizon
		assertThat(forecast.points().get(forecast.points().size() - 1).timestamp())
			.isBetween(earlier.plus(Duration.ofDays(7)).minusSeconds(3600), earlier.plus(Duration.ofDays(7)));
	}

	@Test
	void aFleetForecastOfATypeAndEnvironmentIsSortedByUrgencyAndCachedUntilNewData() {
		ConfigurationItem soon = server("FC-FLEET-SOON", "fleet-test");
		ConfigurationItem later = server("FC-FLEET-LATER", "fleet-test");
		ConfigurationItem never = server("FC-FLEET-NEVER", "fleet-test");
		disk(soon, 50, 1.5, 0.1, 5);
		disk(later, 30, 1.5, 0.1, 6);
		disk(never, 30, 0, 0.1, 7);
		FleetForecastRequest request = new FleetForecastRequest(List.of(), "server", "fleet-test",
				List.of("disk_usage"), Duration.ofDays(90), null, AS_OF, null);
		FleetForecast first = this.forecasts.forecast(request);
		assertThat(first.forecasts()).extracting(CapacityForecast::ciName)
			.containsExactly("FC-FLEET-SOON", "FC-FLEET-LATER", "FC-FLEET-NEVER");
		assertThat(first.fitted()).isEqualTo(3);
		FleetForecast again = this.forecasts.forecast(request);
		assertThat(again.fromCache()).isEqualTo(3);
		// a new sample is new data: that series is refitted
		this.store.write(List.of(new MetricSample(soon.id(), "disk_usage", Map.of(), AS_OF.minusSeconds(1), 95.5)));
		FleetForecast after = this.forecasts.forecast(request);
		assertThat(after.fitted()).isEqualTo(1);
		assertThat(after.fromCache()).isEqualTo(2);
	}

	@Test
	void anomaliesAreEpisodesOutsideTheInterval() {
		ConfigurationItem ci = server("FC-ANOMALY-01", "production");
		Random random = new Random(8);
		List<MetricSample> samples = new ArrayList<>();
		Instant spikeFrom = AS_OF.minus(Duration.ofDays(3));
		for (int h = 0; h < HOURS; h++) {
			Instant at = AS_OF.minus(Duration.ofHours(HOURS - h));
			double value = 40 + 10 * Math.sin(2 * Math.PI * h / 24) + random.nextGaussian();
			if (!at.isBefore(spikeFrom) && at.isBefore(spikeFrom.plus(Duration.ofHours(3)))) {
				value += 30;
			}
			samples.add(new MetricSample(ci.id(), "cpu_usage", Map.of(), at, value));
		}
		this.store.write(samples);
		AnomalyReport report = this.forecasts.anomalies(ci.id(), "cpu_usage", AS_OF.minus(Duration.ofDays(7)), AS_OF);
		assertThat(report.pointsChecked()).isEqualTo(7 * 24);
		assertThat(report.episodes()).isNotEmpty();
		AnomalyEpisode largest = report.episodes().get(0);
		assertThat(largest.start()).isEqualTo(spikeFrom);
		assertThat(largest.points()).isEqualTo(3);
		assertThat(largest.direction()).isEqualTo("above");
		assertThat(largest.deviation()).isCloseTo(30, within(6.0));
		// a 99% interval flags about one normal hour in a hundred, not dozens
		assertThat(report.episodes()).hasSizeLessThan(6);
		// with no history before the window, the model is fitted to the window itself
		AnomalyReport whole = this.forecasts.anomalies(ci.id(), "cpu_usage", AS_OF.minus(Duration.ofDays(30)), AS_OF);
		assertThat(whole.model()).endsWith("fitted to the window itself");
		assertThat(whole.episodes().get(0).start()).isEqualTo(spikeFrom);
		assertThat(whole.episodes().get(0).points()).isEqualTo(3);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		ConfigurationItem ci = server("FC-BAD-01", "production");
		assertThatThrownBy(() -> this.forecasts
			.forecast(new ForecastRequest(ci.id(), " ", Duration.ofDays(30), null, AS_OF, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.forecasts
			.forecast(new ForecastRequest(ci.id(), "disk_usage", Duration.ofDays(400), null, AS_OF, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.forecasts.forecast(
				new ForecastRequest(ci.id(), "disk_usage", Duration.ofDays(30), MetricStep.RAW, AS_OF, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.forecasts
			.forecast(new ForecastRequest("ci_missing", "disk_usage", Duration.ofDays(30), null, AS_OF, null)))
			.isInstanceOf(ConfigurationItemNotFoundException.class);
	}

}
