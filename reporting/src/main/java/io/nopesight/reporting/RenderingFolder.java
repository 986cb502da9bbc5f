package io.nopesight.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a worker renders to before the file goes into the database: {@code reports/rendering} in the data
 * folder. A render can take minutes and hold no transaction meanwhile; only the finished file is stored, in
 * the transaction that completes the report. One process owns a data folder, so what is left here at start
 * is from a run that died, and goes.
 */
@Component
class RenderingFolder {

	private static final Logger logger = LoggerFactory.getLogger(RenderingFolder.class);

	private final Path folder;

	RenderingFolder(@Value("${nopesight.data-dir:data}") Path dataDir) {
		this.folder = dataDir.resolve("reports").resolve("rendering");
		try {
			Files.createDirectories(this.folder);
			try (Stream<Path> left = Files.list(this.folder)) {
				long removed = left.filter(this::delete).count();
				if (removed > 0) {
					logger.info("Removed {} partly rendered report file(s) left by the last run", removed);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + this.folder + " for rendering reports", ex);
		}
	}

	Path newFile(String reportId) {
		try {
			return Files.createTempFile(this.folder, reportId + "-", ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a file to render " + reportId + " in " + this.folder, ex);
		}
	}

	boolean delete(Path file) {
		try {
			return Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not remove {}: {}", file, ex.getMessage());
			return false;
		}
	}

}
