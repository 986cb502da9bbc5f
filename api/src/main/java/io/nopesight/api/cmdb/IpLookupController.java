package io.nopesight.api.cmdb;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.IpField;
import io.nopesight.core.cmdb.IpAddresses;

/**
 * Finds the CI that carries an IP address in any of its IP fields. Served in camelCase, as the reference
 * shows these two endpoints.
 */
@RestController
@Tag(name = "IP lookup")
class IpLookupController {

	private final CmdbManagement cmdb;

	IpLookupController(CmdbManagement cmdb) {
		this.cmdb = cmdb;
	}

	@GetMapping({ "/v1/api/ci/find-by-ip/{ip}", "/v1/cmdb/ci/find-by-ip/{ip}" })
	@RequiredScope("cmdb.read")
	Found findByIp(@PathVariable String ip) {
		List<ConfigurationItem> matches = this.cmdb.findByIp(checked(ip));
		return matches.isEmpty() ? new Found(false, null, 0)
				: new Found(true, FoundCi.from(matches.get(0)), matches.size());
	}

	@GetMapping("/v1/api/debug/find-ci-by-ip/{ip}")
	@RequiredScope("cmdb.read")
	Debug debugFindByIp(@PathVariable String ip) {
		String address = checked(ip);
		List<Map<String, String>> or = IpField.ALL.stream().map((field) -> Map.of(name(field), address)).toList();
		List<DebugResult> results = this.cmdb.findByIp(address)
			.stream()
			.map((ci) -> new DebugResult(FoundCi.from(ci),
					IpField.holding(ci, address).stream().map(IpLookupController::name).toList()))
			.toList();
		return new Debug(address, Map.of("$or", or), results, !results.isEmpty());
	}

	private static String checked(String ip) {
		String value = ip.trim();
		if (!IpAddresses.isValid(value)) {
			throw new InvalidInputException("ip", "'" + ip + "' is not an IPv4 or IPv6 address");
		}
		return value;
	}

	// the debug endpoint names fields as the reference shows them, in camelCase
	private static String name(IpField field) {
		return ((field.section() == IpField.Section.ATTRIBUTES) ? "attributes." : "customFields.") + field.key();
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Found(@JsonProperty("found") boolean found, @JsonProperty("ci") @Nullable FoundCi ci,
			@JsonProperty("matchCount") int matchCount) {
	}

	record FoundCi(@JsonProperty("id") String id, @JsonProperty("name") String name,
			@JsonProperty("type") String type, @JsonProperty("status") String status,
			@JsonProperty("attributes") Map<String, @Nullable Object> attributes,
			@JsonProperty("customFields") Map<String, @Nullable Object> customFields) {

		static FoundCi from(ConfigurationItem ci) {
			return new FoundCi(ci.id(), ci.name(), ci.type(), ci.status().value(), ci.attributes(),
					ci.customFields());
		}

	}

	record Debug(@JsonProperty("searchedIp") String searchedIp,
			@JsonProperty("query") Map<String, List<Map<String, String>>> query,
			@JsonProperty("results") List<DebugResult> results, @JsonProperty("found") boolean found) {
	}

	record DebugResult(@JsonProperty("ci") FoundCi ci, @JsonProperty("matchedFields") List<String> matchedFields) {
	}

}
