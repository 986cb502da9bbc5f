package io.nopesight.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.nopesight.core.demo.DemoEstate.Sample;

import static org.assertj.core.api.Assertions.assertThat;

class DemoEstateTests {

	private static final Instant END = Instant.parse("2026-11-30T00:00:00Z");

	@Test
	void generateWhenTheSeedIsTheSameGivesTheSameEstate() {
		DemoEstate one = DemoEstate.generate(42);
		DemoEstate two = DemoEstate.generate(42);
		assertThat(one.items()).isEqualTo(two.items());
		assertThat(one.links()).isEqualTo(two.links());
		assertThat(one.metrics(END, 2, Duration.ofHours(1))).isEqualTo(two.metrics(END, 2, Duration.ofHours(1)));
		assertThat(one.connections(END, 3)).isEqualTo(two.connections(END, 3));
	}

	@Test
	void metricsWhenThirtyDaysArePlayedShowBusyServersACpuTrendAndDisksFillingUp() {
		// given
		DemoEstate estate = DemoEstate.generate(42);
		long servers = estate.items().stream().filter((item) -> item.type().equals("server")).count();
		// when
		List<Sample> samples = estate.metrics(END, 30, Duration.ofMinutes(15));
		// then
		assertThat(samples).hasSize((int) (servers * 3 * 30 * 96));
		assertThat(samples).allSatisfy((s) -> assertThat(s.value()).isBetween(0.0, 100.0));
		assertThat(samples.get(samples.size() - 1).timestamp()).isEqualTo(END.minus(Duration.ofMinutes(15)));
		assertThat(average(samples, "PROD-DB-01", "cpu_usage", 0, 30)).isGreaterThan(50);
		assertThat(average(samples, "DEV-WEB-01", "cpu_usage", 0, 30)).isLessThan(45);
		assertThat(average(samples, "PROD-APP-03", "cpu_usage", 27, 30))
			.isGreaterThan(average(samples, "PROD-APP-03", "cpu_usage", 0, 3) + 35);
		assertThat(average(samples, "PROD-DB-02", "disk_usage", 29, 30)).isGreaterThan(80);
		assertThat(average(samples, "PROD-FS-01", "disk_usage", 29, 30))
			.isGreaterThan(average(samples, "PROD-FS-01", "disk_usage", 0, 1) + 35);
	}

	@Test
	void connectionsWhenAnApplicationDependsOnADatabaseOnAnotherServerLinkTheirServersOnTheDatabasePort() {
		// when
		List<DemoEstate.Connection> connections = DemoEstate.generate(42).connections(END, 24);
		// then
		Map<String, Long> perPair = connections.stream()
			.collect(Collectors.groupingBy((c) -> c.client() + "->" + c.server() + ":" + c.port(), Collectors.counting()));
		assertThat(perPair).isNotEmpty().allSatisfy((pair, count) -> assertThat(count).isEqualTo(24));
		assertThat(connections).allSatisfy((c) -> {
			assertThat(c.client()).isNotEqualTo(c.server());
			assertThat(c.port()).isIn(5432, 3306, 1433);
			assertThat(c.observedAt()).isBefore(END);
		});
	}

	private static double average(List<Sample> samples, String server, String metric, int fromDay, int toDay) {
		Instant start = END.minus(Duration.ofDays(30));
		return samples.stream()
			.filter((s) -> s.server().equals(server) && s.metric().equals(metric))
			.filter((s) -> !s.timestamp().isBefore(start.plus(Duration.ofDays(fromDay)))
					&& s.timestamp().isBefore(start.plus(Duration.ofDays(toDay))))
			.mapToDouble(Sample::value)
			.average()
			.orElseThrow();
	}

}
