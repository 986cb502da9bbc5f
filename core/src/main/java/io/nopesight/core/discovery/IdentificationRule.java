package io.nopesight.core.discovery;

/**
 * The identification rules, strongest first. A host is matched by the first rule that finds exactly one
 * CI; a rule that finds several is a conflict, and weaker rules are not tried.
 */
public enum IdentificationRule {

	SERIAL_NUMBER("serial_number", "Same serial number (case-insensitive)"),
	MAC_ADDRESS("mac_address", "Same MAC address, unless both sides carry different serial numbers"),
	IP_AND_HOSTNAME("ip_address_and_hostname",
			"Same IP address and the same hostname (short name and FQDN match, case-insensitive), or neither side has a hostname; unless both sides carry different serial numbers or MAC addresses"),
	HOSTNAME("hostname",
			"Same hostname (short name and FQDN match, case-insensitive); unless both sides carry different serial numbers or MAC addresses");

	private final String key;

	private final String description;

	IdentificationRule(String key, String description) {
		this.key = key;
		this.description = description;
	}

	public String key() {
		return this.key;
	}

	public String description() {
		return this.description;
	}

}
