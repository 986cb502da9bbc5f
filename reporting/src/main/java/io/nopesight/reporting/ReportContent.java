package io.nopesight.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * Keeps a rendered file in PostgreSQL in pieces of 1 MiB, written in the transaction that completes the
 * report, so the report is completed exactly when its whole file is there, and read back a piece at a time.
 */
@Component
class ReportContent {

	static final int PIECE = 1 << 20;

	private final JdbcReportRepository reports;

	ReportContent(JdbcReportRepository reports) {
		this.reports = reports;
	}

	/**
	 * Stores the file under the report, in the caller's transaction, and answers its size.
	 */
	long store(String reportId, Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			int piece = 0;
			long size = 0;
			byte[] data;
			while ((data = in.readNBytes(PIECE)).length > 0) {
				this.reports.insertPiece(reportId, piece++, data);
				size += data.length;
			}
			return size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the rendered file " + file, ex);
		}
	}

	InputStream open(String reportId) {
		return new PiecesInputStream(reportId);
	}

	/**
	 * Reads the pieces one query at a time, outside any transaction, so a slow download holds no connection
	 * between pieces.
	 */
	private final class PiecesInputStream extends InputStream {

		private final String reportId;

		private int next;

		private byte[] current = new byte[0];

		private int position;

		private boolean ended;

		PiecesInputStream(String reportId) {
			this.reportId = reportId;
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
				byte[] piece = ReportContent.this.reports.piece(this.reportId, this.next).orElse(null);
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

}
