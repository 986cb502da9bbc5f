package io.nopesight.core.metric;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PointListTests {

	@Test
	void pointsInTimeOrderAreKeptAsTheyCame() {
		// given
		PointList.Builder builder = new PointList.Builder(1);
		for (int i = 0; i < 10; i++) {
			builder.add(3_600L * i, i / 2.0);
		}

		// when
		PointList points = builder.build();

		// then
		assertThat(points).hasSize(10);
		assertThat(points.get(0)).isEqualTo(new MetricSeries.Point(Instant.EPOCH, 0.0));
		assertThat(points.get(9)).isEqualTo(new MetricSeries.Point(Instant.ofEpochSecond(32_400), 4.5));
	}

	@Test
	void pointsOutOfOrderAreSortedByTimeWithTheirValues() {
		// given
		PointList.Builder builder = new PointList.Builder(4);
		builder.add(7_200, 2.0);
		builder.add(0, 0.0);
		builder.add(3_600, 1.0);

		// when
		PointList points = builder.build();

		// then
		assertThat(points).containsExactly(new MetricSeries.Point(Instant.ofEpochSecond(0), 0.0),
				new MetricSeries.Point(Instant.ofEpochSecond(3_600), 1.0),
				new MetricSeries.Point(Instant.ofEpochSecond(7_200), 2.0));
		assertThat(points).isEqualTo(List.copyOf(points));
	}

	@Test
	void theListIsReadOnlyAndBounded() {
		// given
		PointList points = new PointList.Builder(4).build();

		// then
		assertThat(points).isEmpty();
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> points.get(0));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> points.add(new MetricSeries.Point(Instant.EPOCH, 1.0)));
	}

}
