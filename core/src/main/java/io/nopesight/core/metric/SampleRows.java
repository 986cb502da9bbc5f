package io.nopesight.core.metric;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * A batch of samples as (series id, microseconds, value), sorted by series and time with repeats of a
 * series and time dropped (the first one wins), encoded for PostgreSQL's binary {@code COPY} and folded
 * into day roll-ups.
 */
final class SampleRows {

	static final long HOUR_MICROS = 3_600_000_000L;

	static final long DAY_MICROS = 24 * HOUR_MICROS;

	final int[] series;

	final long[] micros;

	final double[] values;

	final int size;

	SampleRows(int[] series, long[] micros, double[] values, int size) {
		this.series = series;
		this.micros = micros;
		this.values = values;
		this.size = size;
	}

	/**
	 * Sorts the columns by series and time, stably, so that of two samples of the same series and time
	 * the one given first is kept.
	 */
	static SampleRows sorted(int[] series, long[] micros, double[] values, int n) {
		int[] order = SampleOrder.bySeriesAndTime(series, micros, n);
		int[] s = new int[n];
		long[] t = new long[n];
		double[] v = new double[n];
		int kept = 0;
		for (int i = 0; i < n; i++) {
			int from = (order != null) ? order[i] : i;
			if (kept > 0 && s[kept - 1] == series[from] && t[kept - 1] == micros[from]) {
				continue;
			}
			s[kept] = series[from];
			t[kept] = micros[from];
			v[kept] = values[from];
			kept++;
		}
		return new SampleRows(s, t, v, kept);
	}

	static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	long minMicros() {
		long min = Long.MAX_VALUE;
		for (int i = 0; i < this.size; i++) {
			min = Math.min(min, this.micros[i]);
		}
		return min;
	}

	long maxMicros() {
		long max = Long.MIN_VALUE;
		for (int i = 0; i < this.size; i++) {
			max = Math.max(max, this.micros[i]);
		}
		return max;
	}

	/**
	 * The rows in binary {@code COPY} format for {@code (series_id, ts, value)}.
	 */
	byte[] binaryCopy() {
		// a row: field count (2), then length and value of series (4 + 4), time (4 + 8) and value (4 + 8)
		ByteBuffer out = ByteBuffer.allocate(BinaryCopy.HEADER.length + this.size * 34 + 2);
		out.put(BinaryCopy.HEADER);
		for (int i = 0; i < this.size; i++) {
			out.putShort((short) 3);
			out.putInt(4).putInt(this.series[i]);
			out.putInt(8).putLong(BinaryCopy.postgresMicros(this.micros[i]));
			out.putInt(8).putDouble(this.values[i]);
		}
		out.putShort((short) -1);
		return out.array();
	}

	/**
	 * Count, min, max, sum and last value per series, day and hour; rows are sorted, so each series'
	 * day is a run.
	 */
	DailyRollups daily() {
		DailyRollups days = new DailyRollups(this.size);
		for (int i = 0; i < this.size; i++) {
			days.add(this.series[i], this.micros[i], this.values[i]);
		}
		return days;
	}

}
