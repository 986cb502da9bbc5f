package io.nopesight.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

import io.nopesight.core.InvalidInputException;

/**
 * Renders with JasperReports: the template's source reads its data and fills its compiled layout, then the
 * filled report is written in the format asked for. Filled pages past the first {@code virtualizer-pages} go to a
 * swap file in a directory of the render's own under the temporary directory (removed when the render ends, as it
 * ends), so a report of a hundred thousand rows is rendered in bounded memory. Thread-safe: renders share only
 * the compiled layouts.
 */
@Component
class JasperReportRendering implements ReportRendering {

	private final Map<String, ReportSource> sources;

	private final CompiledReports reports;

	private final RenderingSettings settings;

	JasperReportRendering(List<ReportSource> sources, CompiledReports reports, RenderingSettings settings) {
		this.sources = sources.stream()
			.collect(Collectors.toUnmodifiableMap((s) -> s.template().id(), Function.identity()));
		this.reports = reports;
		this.settings = settings;
	}

	@Override
	public RenderedReport render(String templateId, Map<String, Object> parameters, ReportFormat format,
			RenderContext context, OutputStream out) {
		Assert.notNull(context, "'context' must not be null");
		ReportSource source = this.sources.get(templateId);
		if (source == null) {
			throw new InvalidInputException("template_id", "Unknown report template '" + templateId + "'");
		}
		Path swapDirectory = swapDirectory();
		JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(this.settings.virtualizerPages(),
				new JRSwapFile(this.reports.context(), swapDirectory.toString(), 4096, 256), true);
		try {
			ReportFilling filling = new ReportFilling(this.reports, source, new ReportParameters(parameters), context,
					virtualizer, format);
			JasperPrint print = source.fill(new ReportParameters(parameters), filling);
			// the pages are complete: read them back as they are, without keeping them in memory again
			virtualizer.setReadOnly(true);
			ReportExport.write(print, format, source.template().name(), this.reports.context(), out);
			int pages = filling.paginated() ? print.getPages().size() : 1;
			return new RenderedReport(pages, filling.rows(), filling.rows() == 0);
		}
		finally {
			virtualizer.cleanup();
			delete(swapDirectory);
		}
	}

	private Path swapDirectory() {
		try {
			Path root = (this.settings.tempDir() != null) ? this.settings.tempDir()
					: Path.of(System.getProperty("java.io.tmpdir"));
			Files.createDirectories(root);
			return Files.createTempDirectory(root, "nopesight-report-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make a swap directory for a report", ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove the report swap directory " + directory, ex);
		}
	}

}
