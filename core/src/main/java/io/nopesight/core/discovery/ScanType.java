package io.nopesight.core.discovery;

import java.util.Locale;

/**
 * What a scan describes: hosts on a network, or one host's processes and their connections.
 */
public enum ScanType {

	NETWORK, PROCESS;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
