package io.nopesight.core;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A file kept in PostgreSQL in numbered pieces (0, 1, ...), read back as a stream one piece at a time. Each piece
 * is its own query, outside any transaction, so a slow reader holds no connection or snapshot between pieces.
 */
public final class PiecesInputStream extends InputStream {

	private final IntFunction<Optional<byte[]>> pieces;

	private int next;

	private byte[] current = new byte[0];

	private int position;

	private boolean ended;

	/**
	 * @param pieces the piece of a number, empty past the last
	 */
	public PiecesInputStream(IntFunction<Optional<byte[]>> pieces) {
		this.pieces = pieces;
	}

	@Override
	public int read() {
		return fill() ? (this.current[this.position++] & 0xff) : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (!fill()) {
			return -1;
		}
		int count = Math.min(length, this.current.length - this.position);
		System.arraycopy(this.current, this.position, buffer, offset, count);
		this.position += count;
		return count;
	}

	private boolean fill() {
		while (!this.ended && this.position >= this.current.length) {
			byte[] piece = this.pieces.apply(this.next).orElse(null);
			if (piece == null) {
				this.ended = true;
			}
			else {
				this.current = piece;
				this.position = 0;
				this.next++;
			}
		}
		return !this.ended;
	}

}
