package io.nopesight.core.cmdb;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A field of a CI that holds IP addresses, wherever clients put them: {@code attributes.ip_address},
 * {@code custom_fields.ip_address}, {@code custom_fields."IP Address"} and the array
 * {@code custom_fields.all_ip_addresses} ({@link #ALL}). The database indexes the same fields for
 * {@link CmdbManagement#findByIp} (the generated {@code ip_addresses} column, function
 * {@code ci_ip_addresses}); a core test checks that the two name the same fields.
 */
public record IpField(Section section, String key, boolean list) {

	public static final List<IpField> ALL = List.of(new IpField(Section.ATTRIBUTES, "ip_address", false),
			new IpField(Section.CUSTOM_FIELDS, "ip_address", false),
			new IpField(Section.CUSTOM_FIELDS, "IP Address", false),
			new IpField(Section.CUSTOM_FIELDS, "all_ip_addresses", true));

	/**
	 * The fields of {@code ci} that hold {@code ip}, in the order of {@link #ALL}.
	 */
	public static List<IpField> holding(ConfigurationItem ci, String ip) {
		return ALL.stream().filter((field) -> field.holds(ci, ip)).toList();
	}

	/**
	 * Whether this field of {@code ci} holds {@code ip}: is it, or for a list field has it as an element.
	 */
	public boolean holds(ConfigurationItem ci, String ip) {
		Object value = this.section.of(ci).get(this.key);
		if (this.list) {
			return value instanceof List<?> all && all.stream().map(String::valueOf).anyMatch(ip::equals);
		}
		return value != null && ip.equals(String.valueOf(value));
	}

	/**
	 * The part of a CI a field is in.
	 */
	public enum Section {

		ATTRIBUTES, CUSTOM_FIELDS;

		Map<String, @Nullable Object> of(ConfigurationItem ci) {
			return (this == ATTRIBUTES) ? ci.attributes() : ci.customFields();
		}

	}

}
