package io.nopesight.reporting;

import net.sf.jasperreports.engine.JasperPrint;

/**
 * One template: what it declares, the JRXML it is laid out in, and how it reads its data (through the other
 * modules' interfaces) and fills the layout with it.
 */
interface ReportSource {

	ReportTemplate template();

	/** The layout's name under {@code reports/}, without {@code .jrxml}. */
	String layout();

	JasperPrint fill(ReportParameters parameters, ReportFilling filling);

}
