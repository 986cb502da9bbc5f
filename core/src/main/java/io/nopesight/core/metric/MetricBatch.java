package io.nopesight.core.metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.nopesight.core.InvalidInputException;

/**
 * Samples collected for one {@link MetricStore#write(MetricBatch)}, held as primitive columns (series
 * id, time, value) rather than a list of samples. Filling a batch checks each sample and resolves its
 * series id (creating new series, in their own transaction, when the batch is {@linkplain #seal()
 * sealed}), so a producer thread can do that work while another one writes the previous batch. Not
 * thread-safe: one thread fills it, then hands it over. Get one from {@link MetricStore#newBatch}.
 */
public final class MetricBatch {

	private final JdbcMetricSeriesRepository series;

	private final MetricSampleRules rules;

	private int[] ids;

	private long[] micros;

	private double[] values;

	private int size;

	private final List<Integer> pendingRows = new ArrayList<>();

	private final List<MetricSample> pendingSamples = new ArrayList<>();

	MetricBatch(JdbcMetricSeriesRepository series, MetricSettings settings, int expectedSize) {
		this.series = series;
		this.rules = new MetricSampleRules(settings, Instant.now());
		int capacity = Math.max(16, expectedSize);
		this.ids = new int[capacity];
		this.micros = new long[capacity];
		this.values = new double[capacity];
	}

	/**
	 * Adds a sample; throws {@link InvalidInputException} for one the store cannot keep (a value that is
	 * not finite, a time outside the kept window).
	 */
	public void add(MetricSample sample) {
		String problem = this.rules.windowProblem(sample.timestamp(), sample.value());
		if (problem != null) {
			throw new InvalidInputException("samples", "Sample of " + sample.metric() + " at " + sample.timestamp()
					+ ": " + problem);
		}
		if (this.size == this.ids.length) {
			int capacity = this.size * 2;
			this.ids = Arrays.copyOf(this.ids, capacity);
			this.micros = Arrays.copyOf(this.micros, capacity);
			this.values = Arrays.copyOf(this.values, capacity);
		}
		int id = this.series.cachedId(sample.ciId(), sample.metric(), sample.labels());
		if (id == 0) {
			this.pendingRows.add(this.size);
			this.pendingSamples.add(sample);
		}
		this.ids[this.size] = id;
		this.micros[this.size] = SampleRows.micros(sample.timestamp());
		this.values[this.size] = sample.value();
		this.size++;
	}

	public int size() {
		return this.size;
	}

	/**
	 * Resolves the series ids not known yet, creating the missing series in one round trip.
	 */
	public void seal() {
		if (this.pendingSamples.isEmpty()) {
			return;
		}
		int[] resolved = this.series.idsOf(this.pendingSamples);
		for (int i = 0; i < resolved.length; i++) {
			this.ids[this.pendingRows.get(i)] = resolved[i];
		}
		this.pendingRows.clear();
		this.pendingSamples.clear();
	}

	SampleRows rows() {
		seal();
		return SampleRows.sorted(this.ids, this.micros, this.values, this.size);
	}

}
