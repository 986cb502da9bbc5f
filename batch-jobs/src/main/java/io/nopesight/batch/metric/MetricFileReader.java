package io.nopesight.batch.metric;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads an import file line by line, gunzipping it when needed. The line count is saved with every
 * committed chunk, so a restarted import skips the lines already stored.
 */
class MetricFileReader extends AbstractItemCountingItemStreamItemReader<SourceLine> {

	private final Path file;

	private final boolean gzip;

	private @Nullable BufferedReader lines;

	MetricFileReader(Path file, boolean gzip) {
		this.file = file;
		this.gzip = gzip;
		setName("metricFileReader");
	}

	@Override
	protected @Nullable SourceLine doRead() throws Exception {
		String line = this.lines.readLine();
		return (line != null) ? new SourceLine(getCurrentItemCount(), line) : null;
	}

	@Override
	protected void doOpen() throws Exception {
		InputStream in = Files.newInputStream(this.file);
		if (this.gzip) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}

	@Override
	protected void doClose() throws Exception {
		if (this.lines != null) {
			this.lines.close();
			this.lines = null;
		}
	}

}
