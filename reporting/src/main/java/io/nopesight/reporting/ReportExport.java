package io.nopesight.reporting;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.engine.export.JRCsvMetadataExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.util.JRStringUtil;
import net.sf.jasperreports.export.SimpleCsvMetadataReportConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterConfiguration;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleHtmlReportConfiguration;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleWriterExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Writes a filled report in a format. PDF is the paged report; HTML and XLSX are the same report as one long page
 * (XLSX on one sheet, its figures as numbers); CSV is the report's table alone, a header and a line per row, from
 * the fields the layouts mark with {@code net.sf.jasperreports.export.csv.column.name}.
 */
final class ReportExport {

	// the exporter's own header with the report's title; it closes the table this opens itself
	private static final String HTML_HEADER = """
			<!DOCTYPE html>
			<html>
			<head>
			  <title>%s</title>
			  <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
			  <style type="text/css">
			    a {text-decoration: none}
			  </style>
			</head>
			<body text="#000000" link="#000000" alink="#000000" vlink="#000000">
			<table role="none" width="100%%" cellpadding="0" cellspacing="0" border="0">
			<tr><td width="50%%">&nbsp;</td><td align="center">

			""";

	private ReportExport() {
	}

	static void write(JasperPrint print, ReportFormat format, String title, JasperReportsContext context,
			OutputStream out) {
		try {
			switch (format) {
				case PDF -> pdf(print, title, context, out);
				case CSV -> csv(print, context, out);
				case XLSX -> xlsx(print, title, context, out);
				case HTML -> html(print, title, context, out);
			}
		}
		catch (JRException ex) {
			throw new IllegalStateException("Could not write the report '" + title + "' as " + format.key(), ex);
		}
	}

	private static void pdf(JasperPrint print, String title, JasperReportsContext context, OutputStream out)
			throws JRException {
		JRPdfExporter exporter = new JRPdfExporter(context);
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
		configuration.setMetadataTitle(title);
		configuration.setMetadataCreator("NopeSight");
		exporter.setConfiguration(configuration);
		exporter.exportReport();
	}

	private static void csv(JasperPrint print, JasperReportsContext context, OutputStream out) throws JRException {
		JRCsvMetadataExporter exporter = new JRCsvMetadataExporter(context);
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleWriterExporterOutput(out, StandardCharsets.UTF_8.name()));
		SimpleCsvMetadataReportConfiguration configuration = new SimpleCsvMetadataReportConfiguration();
		configuration.setWriteHeader(true);
		exporter.setConfiguration(configuration);
		exporter.exportReport();
	}

	private static void xlsx(JasperPrint print, String title, JasperReportsContext context, OutputStream out)
			throws JRException {
		JRXlsxExporter exporter = new JRXlsxExporter(context);
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
		configuration.setOnePagePerSheet(false);
		configuration.setSheetNames(new String[] { sheetName(title) });
		configuration.setDetectCellType(true);
		configuration.setRemoveEmptySpaceBetweenRows(true);
		configuration.setRemoveEmptySpaceBetweenColumns(true);
		configuration.setWhitePageBackground(false);
		configuration.setIgnorePageMargins(true);
		configuration.setCollapseRowSpan(true);
		exporter.setConfiguration(configuration);
		exporter.exportReport();
	}

	private static void html(JasperPrint print, String title, JasperReportsContext context, OutputStream out)
			throws JRException {
		HtmlExporter exporter = new HtmlExporter(context);
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleHtmlExporterOutput(out, StandardCharsets.UTF_8.name()));
		SimpleHtmlExporterConfiguration page = new SimpleHtmlExporterConfiguration();
		page.setHtmlHeader(HTML_HEADER.formatted(JRStringUtil.encodeXmlAttribute(title)));
		exporter.setConfiguration(page);
		SimpleHtmlReportConfiguration configuration = new SimpleHtmlReportConfiguration();
		// one file that a mail or a browser shows whole: the charts go in as data URIs
		configuration.setEmbedImage(true);
		configuration.setRemoveEmptySpaceBetweenRows(true);
		exporter.setConfiguration(configuration);
		exporter.exportReport();
	}

	// Excel refuses sheet names over 31 characters or with any of []:*?/\
	private static String sheetName(String title) {
		String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		return (name.length() > 31) ? name.substring(0, 31) : name;
	}

}
