package io.nopesight.core.discovery;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;

/**
 * Reads a scan as submitted (JSON or nmap XML) into a {@link ScanPayload}, or rejects it with
 * {@link InvalidInputException} naming every bad field.
 */
final class ScanParser {

	private ScanParser() {
	}

	/**
	 * @param scannerId names the scanner of an nmap file (nmap XML does not carry one)
	 */
	static ScanPayload parse(byte[] body, ScanFormat format, @Nullable String scannerId) {
		if (body.length == 0) {
			throw new InvalidInputException(List.of(new InvalidInputException.FieldError("body", "a scan is required")));
		}
		return switch (format) {
			case JSON -> JsonScanParser.parse(body);
			case NMAP_XML -> NmapXmlParser.parse(body, (scannerId != null && !scannerId.isBlank()) ? scannerId.strip() : "nmap");
		};
	}

}
