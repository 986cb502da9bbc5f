package io.nopesight.batch.metric;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded import files in the data folder until their import completes. A file is written to a
 * temporary name, forced to disk and renamed, so a crash never leaves a half-written file under the
 * import's name.
 */
@Component
class MetricImportFiles {

	private static final Logger logger = LoggerFactory.getLogger(MetricImportFiles.class);

	private final Path dir;

	MetricImportFiles(MetricImportSettings settings, @Value("${nopesight.data-dir:data}") Path dataDir) {
		this.dir = ((settings.dir() != null) ? settings.dir() : dataDir.resolve("imports")).toAbsolutePath();
	}

	/**
	 * Stores the body and tells whether it is gzip-compressed (by its first two bytes).
	 */
	Stored store(String id, InputStream body) {
		try {
			Files.createDirectories(this.dir);
			Path temporary = this.dir.resolve(id + ".part");
			Path file = this.dir.resolve(id);
			PushbackInputStream in = new PushbackInputStream(body, 2);
			byte[] magic = in.readNBytes(2);
			in.unread(magic);
			boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
			try (OutputStream out = Files.newOutputStream(temporary)) {
				in.transferTo(out);
			}
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			try (FileChannel directory = FileChannel.open(this.dir, StandardOpenOption.READ)) {
				directory.force(true);
			}
			return new Stored(file, gzip);
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(this.dir.resolve(id + ".part"));
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw new UncheckedIOException(ex);
		}
	}

	void delete(String file) {
		try {
			Files.deleteIfExists(Path.of(file));
		}
		catch (IOException ex) {
			logger.warn("Could not remove the imported file {}", file, ex);
		}
	}

	record Stored(Path file, boolean gzip) {
	}

}
