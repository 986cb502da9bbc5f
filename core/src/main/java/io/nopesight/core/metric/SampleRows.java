package io.nopesight.core.metric;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A batch of samples as (series id, microseconds, value), sorted by series and time, encoded for
 * PostgreSQL's binary {@code COPY} and folded into hourly aggregates.
 */
final class SampleRows {

	private static final byte[] COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0,
			0, 0, 0, 0, 0, 0 };

	/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01T00:00:00Z). */
	private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	static final long HOUR_MICROS = 3_600_000_000L;

	final int[] series;

	final long[] micros;

	final double[] values;

	final int size;

	private SampleRows(int[] series, long[] micros, double[] values) {
		this.series = series;
		this.micros = micros;
		this.values = values;
		this.size = series.length;
	}

	static SampleRows of(List<MetricSample> samples, int[] seriesIds) {
		int n = samples.size();
		Integer[] order = new Integer[n];
		long[] micros = new long[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
			micros[i] = micros(samples.get(i).timestamp());
		}
		Arrays.sort(order, (a, b) -> (seriesIds[a] != seriesIds[b]) ? Integer.compare(seriesIds[a], seriesIds[b])
				: Long.compare(micros[a], micros[b]));
		int[] s = new int[n];
		long[] t = new long[n];
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			s[i] = seriesIds[order[i]];
			t[i] = micros[order[i]];
			v[i] = samples.get(order[i]).value();
		}
		return new SampleRows(s, t, v);
	}

	static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	long minMicros() {
		return Arrays.stream(this.micros).min().orElse(0);
	}

	long maxMicros() {
		return Arrays.stream(this.micros).max().orElse(0);
	}

	byte[] binaryCopy() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(21 + this.size * 38);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.write(COPY_HEADER);
			for (int i = 0; i < this.size; i++) {
				out.writeShort(3);
				out.writeInt(4);
				out.writeInt(this.series[i]);
				out.writeInt(8);
				out.writeLong(this.micros[i] - POSTGRES_EPOCH_MICROS);
				out.writeInt(8);
				out.writeDouble(this.values[i]);
			}
			out.writeShort(-1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Count, min, max, sum and last value per series and hour; rows are sorted, so each group is a run.
	 */
	Hourly hourly() {
		Hourly h = new Hourly(this.size);
		for (int i = 0; i < this.size; i++) {
			long hour = Math.floorDiv(this.micros[i], HOUR_MICROS) * HOUR_MICROS;
			int g = h.size - 1;
			if (g < 0 || h.series[g] != this.series[i] || h.hour[g] != hour) {
				g = h.size++;
				h.series[g] = this.series[i];
				h.hour[g] = hour;
				h.min[g] = Double.POSITIVE_INFINITY;
				h.max[g] = Double.NEGATIVE_INFINITY;
			}
			double v = this.values[i];
			h.count[g]++;
			h.sum[g] += v;
			h.min[g] = Math.min(h.min[g], v);
			h.max[g] = Math.max(h.max[g], v);
			h.lastMicros[g] = this.micros[i];
			h.last[g] = v;
		}
		return h;
	}

	/**
	 * Hourly aggregates, column by column.
	 */
	static final class Hourly {

		final int[] series;

		final long[] hour;

		final int[] count;

		final double[] min;

		final double[] max;

		final double[] sum;

		final long[] lastMicros;

		final double[] last;

		int size;

		Hourly(int capacity) {
			this.series = new int[capacity];
			this.hour = new long[capacity];
			this.count = new int[capacity];
			this.min = new double[capacity];
			this.max = new double[capacity];
			this.sum = new double[capacity];
			this.lastMicros = new long[capacity];
			this.last = new double[capacity];
		}

	}

}
