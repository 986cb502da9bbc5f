package io.nopesight.core.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Timestamps;
import io.nopesight.core.cmdb.IpAddresses;

/**
 * The JSON scans: {@code scan_type} {@code network} (the reference's shape) and {@code process} (one host's
 * connections and listening ports, from an agent).
 */
final class JsonScanParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_ERRORS = 50;

	private final List<FieldError> errors = new ArrayList<>();

	private int failures;

	private JsonScanParser() {
	}

	static ScanPayload parse(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("body", "Malformed JSON: " + ex.getOriginalMessage());
		}
		return new JsonScanParser().scan(root);
	}

	/**
	 * One host as a client describes it for a dry run: a network scan's host fields, and the scanner's id
	 * ({@code dry-run} when absent). Errors name the fields as they are in the description.
	 */
	static DryRun dryRun(Map<String, ? extends @Nullable Object> description) {
		JsonScanParser parser = new JsonScanParser();
		String scannerId = (description.get("scanner_id") instanceof String given && !given.isBlank()) ? given
				: "dry-run";
		parser.checkScannerId(scannerId);
		DiscoveredHost host = parser.host(JSON.valueToTree(description), "");
		if (!parser.errors.isEmpty() || host == null) {
			throw new InvalidInputException(parser.errors);
		}
		return new DryRun(scannerId.strip(), host);
	}

	private ScanPayload scan(@Nullable JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new InvalidInputException("body", "a JSON object is required");
		}
		String type = text(root, "scan_type", "scan_type", true);
		String scannerId = text(root, "scanner_id", "scanner_id", true);
		if (scannerId != null) {
			checkScannerId(scannerId);
		}
		Instant scannedAt = instant(root, "timestamp", "timestamp", false);
		JsonNode data = root.get("data");
		if (data == null || !data.isObject()) {
			error("data", "data is required and must be an object");
		}
		ScanType scanType = null;
		if (type != null) {
			scanType = switch (type) {
				case "network" -> ScanType.NETWORK;
				case "process" -> ScanType.PROCESS;
				default -> {
					error("scan_type", "Invalid scan_type '" + type + "': use network or process");
					yield null;
				}
			};
		}
		List<DiscoveredHost> hosts = new ArrayList<>();
		List<ObservedConnection> connections = new ArrayList<>();
		List<ListeningPort> listening = new ArrayList<>();
		if (data != null && data.isObject() && scanType == ScanType.NETWORK) {
			JsonNode list = data.get("discovered_hosts");
			if (list == null || !list.isArray()) {
				error("data.discovered_hosts", "discovered_hosts is required and must be an array");
			}
			else {
				each(list, "data.discovered_hosts", this::host, hosts);
			}
		}
		if (data != null && data.isObject() && scanType == ScanType.PROCESS) {
			DiscoveredHost host = host(data.get("host"), "data.host");
			if (host != null) {
				hosts.add(host);
			}
			each(array(data, "connections", "data.connections"), "data.connections", this::connection, connections);
			each(array(data, "listening", "data.listening"), "data.listening", this::listening, listening);
		}
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
		return new ScanPayload(scanType, scannerId.strip(), (scannedAt != null) ? scannedAt : Instant.now(),
				ScanFormat.JSON, hosts, connections, listening);
	}

	/**
	 * Parses each element of an array, keeping those without errors.
	 */
	private <T> void each(JsonNode list, String path, BiFunction<JsonNode, String, @Nullable T> element,
			List<T> into) {
		for (int i = 0; i < list.size(); i++) {
			T parsed = element.apply(list.get(i), path + "[" + i + "]");
			if (parsed != null) {
				into.add(parsed);
			}
		}
	}

	/**
	 * @param path where the host is in the body, for error fields; empty when the body is the host
	 */
	private @Nullable DiscoveredHost host(@Nullable JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			error(path.isEmpty() ? "body" : path, "must be an object");
			return null;
		}
		String at = path.isEmpty() ? "" : path + ".";
		int before = this.failures;
		String ip = ip(node, "ip_address", at + "ip_address", true);
		String hostname = text(node, "hostname", at + "hostname", false);
		if (hostname != null && !hostname.isBlank() && !Addresses.isHostname(hostname.strip())) {
			error(at + "hostname", "'" + hostname + "' is not a valid hostname");
		}
		String mac = text(node, "mac_address", at + "mac_address", false);
		if (mac != null && !mac.isBlank() && !Addresses.isMac(mac.strip())) {
			error(at + "mac_address", "'" + mac + "' is not a MAC address (six hex pairs separated by : or -)");
		}
		String serial = text(node, "serial_number", at + "serial_number", false);
		String os = text(node, "os_guess", at + "os_guess", false);
		TreeSet<Integer> ports = new TreeSet<>();
		JsonNode list = node.get("open_ports");
		if (list != null && !list.isNull()) {
			if (!list.isArray()) {
				error(at + "open_ports", "open_ports must be an array of port numbers");
			}
			else {
				for (int i = 0; i < list.size(); i++) {
					JsonNode port = list.get(i);
					if (port.isObject() && port.has("port")) {
						port = port.get("port");
					}
					if (!port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
						error(at + "open_ports[" + i + "]", "must be a port number between 1 and 65535");
					}
					else {
						ports.add(port.asInt());
					}
				}
			}
		}
		List<DiscoveredService> services = new ArrayList<>();
		each(array(node, "services", at + "services"), at + "services", this::service, services);
		services.forEach((service) -> ports.add(service.port()));
		List<String> osCpe = cpe(node, "os_cpe", at + "os_cpe");
		if (this.failures > before || ip == null) {
			return null;
		}
		return new DiscoveredHost(ip, blankToNull(hostname), (mac == null || mac.isBlank()) ? null
				: Addresses.normalizeMac(mac.strip()), blankToNull(serial), List.copyOf(ports), blankToNull(os),
				services, osCpe);
	}

	/**
	 * One entry of a host's {@code services}: what answers on an open port, as nmap {@code -sV} reports it.
	 */
	private @Nullable DiscoveredService service(JsonNode node, String path) {
		if (!node.isObject()) {
			error(path, "must be an object");
			return null;
		}
		int before = this.failures;
		int port = port(node, "port", path + ".port");
		if (port == 0) {
			error(path + ".port", "port is required: a port number between 1 and 65535");
		}
		String protocol = protocol(node, path).toLowerCase(Locale.ROOT);
		String name = text(node, "name", path + ".name", false);
		String product = text(node, "product", path + ".product", false);
		String version = text(node, "version", path + ".version", false);
		String extraInfo = text(node, "extra_info", path + ".extra_info", false);
		String method = text(node, "method", path + ".method", false);
		List<String> cpe = cpe(node, "cpe", path + ".cpe");
		if (this.failures > before) {
			return null;
		}
		if (blankToNull(name) == null && blankToNull(product) == null) {
			error(path, "a service needs a name or a product");
			return null;
		}
		return new DiscoveredService(port, protocol, blankToNull(name), blankToNull(product), blankToNull(version),
				blankToNull(extraInfo), cpe, blankToNull(method));
	}

	// one CPE name or a list of them
	private List<String> cpe(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		List<String> names = new ArrayList<>();
		if (value == null || value.isNull()) {
			return names;
		}
		if (value.isString()) {
			value = JSON.createArrayNode().add(value.stringValue());
		}
		if (!value.isArray()) {
			error(path, name + " must be a CPE name (cpe:/...) or an array of them");
			return names;
		}
		for (int i = 0; i < value.size(); i++) {
			JsonNode one = value.get(i);
			if (!one.isString() || !one.stringValue().strip().startsWith("cpe:")) {
				error(path + "[" + i + "]", "must be a CPE name such as cpe:/a:nginx:nginx:1.18.0");
			}
			else if (!names.contains(one.stringValue().strip())) {
				names.add(one.stringValue().strip());
			}
		}
		return names;
	}

	private @Nullable ObservedConnection connection(JsonNode node, String path) {
		if (!node.isObject()) {
			error(path, "must be an object");
			return null;
		}
		int before = this.failures;
		String process = text(node, "process_name", path + ".process_name", true);
		Integer pid = optionalInt(node, "pid", path + ".pid");
		String localIp = ip(node, "local_ip", path + ".local_ip", true);
		int localPort = port(node, "local_port", path + ".local_port");
		String remoteIp = ip(node, "remote_ip", path + ".remote_ip", true);
		int remotePort = port(node, "remote_port", path + ".remote_port");
		String protocol = protocol(node, path);
		String state = text(node, "state", path + ".state", false);
		Instant observedAt = instant(node, "observed_at", path + ".observed_at", true);
		if (this.failures > before) {
			return null;
		}
		return new ObservedConnection(process.strip(), pid, localIp, localPort, remoteIp, remotePort, protocol,
				blankToNull(state), observedAt);
	}

	private @Nullable ListeningPort listening(JsonNode node, String path) {
		if (!node.isObject()) {
			error(path, "must be an object");
			return null;
		}
		int before = this.failures;
		String process = text(node, "process_name", path + ".process_name", true);
		Integer pid = optionalInt(node, "pid", path + ".pid");
		int port = port(node, "port", path + ".port");
		String protocol = protocol(node, path);
		String description = text(node, "description", path + ".description", false);
		if (this.failures > before) {
			return null;
		}
		return new ListeningPort(process.strip(), pid, port, protocol, blankToNull(description));
	}

	private String protocol(JsonNode node, String path) {
		String protocol = text(node, "protocol", path + ".protocol", false);
		if (protocol == null || protocol.isBlank()) {
			return "TCP";
		}
		String upper = protocol.strip().toUpperCase(Locale.ROOT);
		if (!upper.equals("TCP") && !upper.equals("UDP")) {
			error(path + ".protocol", "Invalid protocol '" + protocol + "': use TCP or UDP");
		}
		return upper;
	}

	private JsonNode array(JsonNode data, String name, String path) {
		JsonNode list = data.get(name);
		if (list == null || list.isNull()) {
			return JSON.createArrayNode();
		}
		if (!list.isArray()) {
			error(path, name + " must be an array");
			return JSON.createArrayNode();
		}
		return list;
	}

	private @Nullable String ip(JsonNode node, String name, String path, boolean required) {
		String value = text(node, name, path, required);
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!IpAddresses.isValid(value.strip())) {
			error(path, "'" + value + "' is not an IPv4 or IPv6 address");
			return null;
		}
		return value.strip();
	}

	private int port(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value == null || !value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 65535) {
			error(path, name + " is required: a port number between 0 and 65535");
			return -1;
		}
		return value.asInt();
	}

	private @Nullable Integer optionalInt(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			error(path, name + " must be an integer");
			return null;
		}
		return value.asInt();
	}

	private @Nullable Instant instant(JsonNode node, String name, String path, boolean required) {
		String value = text(node, name, path, required);
		if (value == null) {
			return null;
		}
		Instant parsed = Timestamps.parse(value).orElse(null);
		if (parsed == null) {
			error(path, Timestamps.invalid(name, value));
		}
		return parsed;
	}

	private @Nullable String text(JsonNode node, String name, String path, boolean required) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			if (required) {
				error(path, name + " is required");
			}
			return null;
		}
		if (!value.isString()) {
			error(path, name + " must be a string");
			return null;
		}
		if (required && value.stringValue().isBlank()) {
			error(path, name + " is required");
			return null;
		}
		if (value.stringValue().length() > 1000) {
			error(path, name + " is longer than 1000 characters");
			return null;
		}
		return value.stringValue();
	}

	private void checkScannerId(String scannerId) {
		if (scannerId.length() > 200) {
			error("scanner_id", "scanner_id is longer than 200 characters");
		}
	}

	private void error(String field, String message) {
		this.failures++;
		if (this.errors.size() < MAX_ERRORS) {
			this.errors.add(new FieldError(field, message));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A dry run's host and the scanner it is judged for.
	 */
	record DryRun(String scannerId, DiscoveredHost host) {
	}

}
