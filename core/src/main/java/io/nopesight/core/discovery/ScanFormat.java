package io.nopesight.core.discovery;

import java.util.Locale;

/**
 * How a scan was submitted.
 */
public enum ScanFormat {

	JSON, NMAP_XML;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
