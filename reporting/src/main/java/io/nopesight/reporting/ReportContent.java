package io.nopesight.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import io.nopesight.core.PiecesInputStream;

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
		return new PiecesInputStream((piece) -> this.reports.piece(reportId, piece));
	}

}
