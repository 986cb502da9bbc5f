package io.nopesight.reporting;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A completed report to download: its file name, format (the content type) and size, and its content,
 * read from the database a piece at a time as the stream is read.
 */
public record ReportFile(String reportId, String fileName, ReportFormat format, long size,
		Supplier<InputStream> content) {

}
