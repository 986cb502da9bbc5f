package io.nopesight.core.metric;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The roll-up rows of a batch: per series and UTC day, count, min, max, sum and last value of each of
 * the 24 hours (slot {@code h} is hour {@code h}), held column by column and encoded for a binary
 * {@code COPY} into a table shaped like {@code metric_daily}. Samples must be added sorted by series and
 * time, without repeats.
 */
final class DailyRollups {

	static final int HOURS = 24;

	private static final int COLUMNS = 14;

	private int[] series;

	private int[] epochDay;

	private int[] count;

	private double[] min;

	private double[] max;

	private double[] sum;

	private long[] lastMicros;

	private double[] last;

	private int size;

	DailyRollups(int expectedSamples) {
		// a day row per series and day: time-major batches hold few days per series
		int days = Math.max(16, Math.min(expectedSamples, 4_096));
		this.series = new int[days];
		this.epochDay = new int[days];
		allocateHours(days * HOURS);
	}

	void add(int seriesId, long micros, double value) {
		int day = (int) Math.floorDiv(micros, SampleRows.DAY_MICROS);
		int g = this.size - 1;
		if (g < 0 || this.series[g] != seriesId || this.epochDay[g] != day) {
			g = newDay(seriesId, day);
		}
		int k = g * HOURS + (int) ((micros - day * SampleRows.DAY_MICROS) / SampleRows.HOUR_MICROS);
		if (this.count[k] == 0) {
			this.min[k] = value;
			this.max[k] = value;
			this.sum[k] = value;
		}
		else {
			this.min[k] = Math.min(this.min[k], value);
			this.max[k] = Math.max(this.max[k], value);
			this.sum[k] += value;
		}
		this.count[k]++;
		this.lastMicros[k] = micros;
		this.last[k] = value;
	}

	/**
	 * The rows in binary {@code COPY} format for all the columns of {@code metric_daily}, in order.
	 */
	byte[] binaryCopy() {
		ByteBuffer out = ByteBuffer.allocate(BinaryCopy.HEADER.length + this.size * 1_900 + 2);
		out.put(BinaryCopy.HEADER);
		for (int g = 0; g < this.size; g++) {
			writeRow(out, g);
		}
		out.putShort((short) -1);
		return Arrays.copyOf(out.array(), out.position());
	}

	private void writeRow(ByteBuffer out, int g) {
		int first = g * HOURS;
		int total = 0;
		int empty = 0;
		double lo = Double.POSITIVE_INFINITY;
		double hi = Double.NEGATIVE_INFINITY;
		double s = 0;
		int lastSlot = -1;
		for (int k = first; k < first + HOURS; k++) {
			if (this.count[k] == 0) {
				empty++;
				continue;
			}
			total += this.count[k];
			lo = Math.min(lo, this.min[k]);
			hi = Math.max(hi, this.max[k]);
			s += this.sum[k];
			lastSlot = k;
		}
		out.putShort((short) COLUMNS);
		out.putInt(4).putInt(this.series[g]);
		out.putInt(4).putInt(this.epochDay[g] - BinaryCopy.POSTGRES_EPOCH_DAYS);
		out.putInt(4).putInt(total);
		out.putInt(8).putDouble(lo);
		out.putInt(8).putDouble(hi);
		out.putInt(8).putDouble(s);
		out.putInt(8).putLong(BinaryCopy.postgresMicros(this.lastMicros[lastSlot]));
		out.putInt(8).putDouble(this.last[lastSlot]);
		arrayHeader(out, BinaryCopy.INT4_OID, 4, 0);
		for (int k = first; k < first + HOURS; k++) {
			out.putInt(4).putInt(this.count[k]);
		}
		doubles(out, first, empty, this.min);
		doubles(out, first, empty, this.max);
		doubles(out, first, empty, this.sum);
		arrayHeader(out, BinaryCopy.TIMESTAMPTZ_OID, 8, empty);
		for (int k = first; k < first + HOURS; k++) {
			if (this.count[k] == 0) {
				out.putInt(-1);
			}
			else {
				out.putInt(8).putLong(BinaryCopy.postgresMicros(this.lastMicros[k]));
			}
		}
		doubles(out, first, empty, this.last);
	}

	private void doubles(ByteBuffer out, int first, int empty, double[] values) {
		arrayHeader(out, BinaryCopy.FLOAT8_OID, 8, empty);
		for (int k = first; k < first + HOURS; k++) {
			if (this.count[k] == 0) {
				out.putInt(-1);
			}
			else {
				out.putInt(8).putDouble(values[k]);
			}
		}
	}

	/** A one-dimensional array of 24 elements, {@code nulls} of them NULL: its length word and header. */
	private static void arrayHeader(ByteBuffer out, int elementOid, int elementSize, int nulls) {
		out.putInt(20 + (HOURS - nulls) * (4 + elementSize) + nulls * 4);
		out.putInt(1).putInt((nulls > 0) ? 1 : 0).putInt(elementOid);
		out.putInt(HOURS).putInt(1);
	}

	private int newDay(int seriesId, int day) {
		if (this.size == this.series.length) {
			int capacity = this.size * 2;
			this.series = Arrays.copyOf(this.series, capacity);
			this.epochDay = Arrays.copyOf(this.epochDay, capacity);
			this.count = Arrays.copyOf(this.count, capacity * HOURS);
			this.min = Arrays.copyOf(this.min, capacity * HOURS);
			this.max = Arrays.copyOf(this.max, capacity * HOURS);
			this.sum = Arrays.copyOf(this.sum, capacity * HOURS);
			this.lastMicros = Arrays.copyOf(this.lastMicros, capacity * HOURS);
			this.last = Arrays.copyOf(this.last, capacity * HOURS);
		}
		this.series[this.size] = seriesId;
		this.epochDay[this.size] = day;
		return this.size++;
	}

	private void allocateHours(int slots) {
		this.count = new int[slots];
		this.min = new double[slots];
		this.max = new double[slots];
		this.sum = new double[slots];
		this.lastMicros = new long[slots];
		this.last = new double[slots];
	}

}
