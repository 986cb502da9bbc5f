package io.nopesight.core.discovery;

/**
 * How a scan was submitted.
 */
public enum ScanFormat {

	JSON, NMAP_XML;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
