package io.nopesight.batch.metric;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import io.nopesight.core.PiecesInputStream;

/**
 * Keeps an uploaded import file in PostgreSQL, in pieces of 1 MiB, from the upload until its import
 * completes, so whichever node runs (or resumes) the import can read it. Files of imports accepted before
 * uploads moved into the database are still read from the path their row names.
 */
@Component
class MetricImportContent {

	static final int PIECE = 1 << 20;

	private final JdbcMetricImportRepository imports;

	MetricImportContent(JdbcMetricImportRepository imports) {
		this.imports = imports;
	}

	/**
	 * Whether the body is gzip-compressed, by its first two bytes, which are left to be read.
	 */
	static boolean startsWithGzip(PushbackInputStream body) {
		try {
			byte[] magic = body.readNBytes(2);
			body.unread(magic);
			return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stores the body under the import's row, in the caller's transaction.
	 */
	void store(String importId, InputStream body) {
		try {
			int piece = 0;
			byte[] data;
			while ((data = body.readNBytes(PIECE)).length > 0) {
				this.imports.insertPiece(importId, piece++, data);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	InputStream open(JdbcMetricImportRepository.StoredImport stored) throws IOException {
		if (stored.file() != null) {
			return Files.newInputStream(Path.of(stored.file()));
		}
		return new PiecesInputStream((piece) -> this.imports.piece(stored.id(), piece));
	}

	void delete(JdbcMetricImportRepository.StoredImport stored) {
		this.imports.deletePieces(stored.id());
		if (stored.file() != null) {
			try {
				Files.deleteIfExists(Path.of(stored.file()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
