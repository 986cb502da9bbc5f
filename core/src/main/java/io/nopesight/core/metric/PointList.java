package io.nopesight.core.metric;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The points of one series held as two primitive columns (epoch seconds, values): a 30-day hourly read
 * of a thousand series is 720 000 points, and holding them as objects cost more than reading them. A
 * {@link MetricSeries.Point} is made only when one is asked for (serialisation streams through them).
 * Immutable once built.
 */
final class PointList extends AbstractList<MetricSeries.Point> implements RandomAccess {

	private final long[] seconds;

	private final double[] values;

	private final int size;

	private PointList(long[] seconds, double[] values, int size) {
		this.seconds = seconds;
		this.values = values;
		this.size = size;
	}

	@Override
	public MetricSeries.Point get(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return new MetricSeries.Point(Instant.ofEpochSecond(this.seconds[index]), this.values[index]);
	}

	@Override
	public int size() {
		return this.size;
	}

	/**
	 * Collects points in time order; {@link #build()} sorts them if they did not arrive that way.
	 */
	static final class Builder {

		private long[] seconds;

		private double[] values;

		private int size;

		private boolean sorted = true;

		Builder(int expected) {
			int capacity = Math.max(expected, 4);
			this.seconds = new long[capacity];
			this.values = new double[capacity];
		}

		void add(long epochSecond, double value) {
			if (this.size == this.seconds.length) {
				int capacity = this.size * 2;
				this.seconds = Arrays.copyOf(this.seconds, capacity);
				this.values = Arrays.copyOf(this.values, capacity);
			}
			if (this.size > 0 && this.seconds[this.size - 1] > epochSecond) {
				this.sorted = false;
			}
			this.seconds[this.size] = epochSecond;
			this.values[this.size] = value;
			this.size++;
		}

		int size() {
			return this.size;
		}

		PointList build() {
			if (!this.sorted) {
				sortByTime();
			}
			return new PointList(this.seconds, this.values, this.size);
		}

		/**
		 * Sorts by time with a primitive sort of (seconds, index) packed into one long: roll-up rows come
		 * in day runs in whatever order the scan found them, and a boxed comparator sort of 720 000
		 * points cost more than the read. Series hold at most ~1 000 000 points (the index's 20 bits).
		 */
		private void sortByTime() {
			long[] keys = new long[this.size];
			for (int i = 0; i < this.size; i++) {
				keys[i] = (this.seconds[i] << 20) | i;
			}
			Arrays.sort(keys);
			long[] s = new long[this.size];
			double[] v = new double[this.size];
			for (int i = 0; i < this.size; i++) {
				int from = (int) (keys[i] & 0xFFFFF);
				s[i] = this.seconds[from];
				v[i] = this.values[from];
			}
			this.seconds = s;
			this.values = v;
			this.sorted = true;
		}

	}

}
