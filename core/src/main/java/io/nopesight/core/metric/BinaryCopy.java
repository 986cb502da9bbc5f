package io.nopesight.core.metric;

/**
 * Constants of PostgreSQL's binary {@code COPY} and binary value encodings used by the metric store.
 */
final class BinaryCopy {

	static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0,
			0, 0 };

	/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01T00:00:00Z). */
	static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	/** Days between the Unix epoch and PostgreSQL's. */
	static final int POSTGRES_EPOCH_DAYS = 10_957;

	static final int INT4_OID = 23;

	static final int FLOAT8_OID = 701;

	static final int TIMESTAMPTZ_OID = 1184;

	private BinaryCopy() {
	}

	static long postgresMicros(long epochMicros) {
		return epochMicros - POSTGRES_EPOCH_MICROS;
	}

}
