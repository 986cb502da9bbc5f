package io.nopesight.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;

import org.springframework.stereotype.Component;

/**
 * The templates' JRXML layouts ({@code reports/*.jrxml}), each compiled on first use and kept: compiling one takes
 * a second, filling the compiled one again costs nothing of that. Thread-safe; a compiled report is shared by
 * every fill.
 */
@Component
class CompiledReports {

	static final String TITLE_PAGE = "title_page";

	private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

	private final SimpleJasperReportsContext context;

	CompiledReports() {
		this.context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
		// a font missing from the extensions is an error, never a silent fallback to a font without the glyphs
		this.context.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
		// the PDF breaks lines where the fill measured them: left to break them itself, it may need a line more
		// than the fill made room for, and that line is lost
		this.context.setProperty("net.sf.jasperreports.text.save.line.breaks", "true");
		this.context.setProperty("net.sf.jasperreports.export.pdf.force.linebreak.policy", "true");
		// the swap file goes with the render that made it (the virtualizer disposes of it), not at JVM exit
		this.context.setProperty("net.sf.jasperreports.virtualizer.files.delete.on.exit", "false");
	}

	JasperReportsContext context() {
		return this.context;
	}

	JasperReport get(String layout) {
		return this.compiled.computeIfAbsent(layout, this::compile);
	}

	private JasperReport compile(String layout) {
		String resource = "reports/" + layout + ".jrxml";
		try (InputStream in = CompiledReports.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The report layout " + resource + " is missing");
			}
			return JasperCompileManager.getInstance(this.context).compile(in);
		}
		catch (JRException ex) {
			throw new IllegalStateException("Could not compile the report layout " + resource, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
