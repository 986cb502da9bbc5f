package io.nopesight.core.metric;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.PGResultSetMetaData;

/**
 * Reads the 24-slot arrays of {@code metric_daily} (and its packed {@code hour_avg}) into primitive arrays. Sent in binary (the reader
 * asks for binary results), an array is a small header and its elements, decoded here without boxing;
 * in text it goes through {@link ResultSet#getArray}. A NULL element (an hour without samples) becomes
 * NaN or 0. One instance per result set: it remembers each column's format.
 */
final class RollupArrays {

	private Boolean[] binary = new Boolean[8];

	void ints(ResultSet rs, int column, int[] into) throws SQLException {
		if (isBinary(rs, column)) {
			ByteBuffer in = elements(rs.getBytes(column), into.length);
			for (int i = 0; i < into.length; i++) {
				int length = in.getInt();
				into[i] = (length < 0) ? 0 : in.getInt();
			}
			return;
		}
		Object[] values = (Object[]) array(rs, column);
		for (int i = 0; i < into.length; i++) {
			into[i] = (values[i] != null) ? ((Number) values[i]).intValue() : 0;
		}
	}

	void doubles(ResultSet rs, int column, double[] into) throws SQLException {
		if (isBinary(rs, column)) {
			ByteBuffer in = elements(rs.getBytes(column), into.length);
			for (int i = 0; i < into.length; i++) {
				int length = in.getInt();
				into[i] = (length < 0) ? Double.NaN : in.getDouble();
			}
			return;
		}
		Object[] values = (Object[]) array(rs, column);
		for (int i = 0; i < into.length; i++) {
			into[i] = (values[i] != null) ? ((Number) values[i]).doubleValue() : Double.NaN;
		}
	}

	/**
	 * Reads a {@code bytea} of big-endian doubles ({@code hour_avg}); NaN marks an hour without samples.
	 */
	void packedDoubles(ResultSet rs, int column, double[] into) throws SQLException {
		ByteBuffer in = ByteBuffer.wrap(rs.getBytes(column));
		if (in.remaining() != into.length * Double.BYTES) {
			throw new SQLException("Expected " + into.length + " packed doubles");
		}
		for (int i = 0; i < into.length; i++) {
			into[i] = in.getDouble();
		}
	}

	private boolean isBinary(ResultSet rs, int column) throws SQLException {
		if (column >= this.binary.length) {
			this.binary = Arrays.copyOf(this.binary, column + 1);
		}
		if (this.binary[column] == null) {
			this.binary[column] = rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(column) == 1;
		}
		return this.binary[column];
	}

	/** Positions the buffer on the first element after checking the header: one dimension of {@code n}. */
	private static ByteBuffer elements(byte[] raw, int n) throws SQLException {
		ByteBuffer in = ByteBuffer.wrap(raw);
		int dimensions = in.getInt();
		in.getInt(); // has NULLs
		in.getInt(); // element type
		if (dimensions != 1 || in.getInt() != n) {
			throw new SQLException("Expected an array of " + n + " elements");
		}
		in.getInt(); // lower bound
		return in;
	}

	private static Object array(ResultSet rs, int column) throws SQLException {
		Array array = rs.getArray(column);
		return array.getArray();
	}

}
