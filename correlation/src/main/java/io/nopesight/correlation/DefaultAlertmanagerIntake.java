package io.nopesight.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Timestamps;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.IpAddresses;
import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.cmdb.TopologyNode;

/**
 * Alertmanager's webhook, alert by alert. An alert occurrence is its fingerprint and {@code startsAt}: the
 * event's {@code source_id}. The first notification of an occurrence makes the event (dated
 * {@code startsAt}); any later one of the same occurrence, firing (a retry, a repeat, an HA peer) changes
 * nothing, and resolved resolves the event once. The CI is the one the {@code instance} label names (port
 * left out): by IP address, or by host name (the CI's name or its {@code hostname} attribute, full or short).
 */
@Service
class DefaultAlertmanagerIntake implements AlertmanagerIntake {

	static final String SOURCE = "alertmanager";

	private final DefaultEvents events;

	private final JdbcEventRepository repository;

	private final Topology topology;

	private final CmdbManagement cmdb;

	DefaultAlertmanagerIntake(DefaultEvents events, JdbcEventRepository repository, Topology topology,
			CmdbManagement cmdb) {
		this.events = events;
		this.repository = repository;
		this.topology = topology;
		this.cmdb = cmdb;
	}

	@Override
	public AlertmanagerResult receive(byte[] payload, String actor) {
		JsonNode body = parse(payload);
		JsonNode alerts = body.path("alerts");
		int created = 0;
		int duplicates = 0;
		int resolved = 0;
		int unbound = 0;
		for (int i = 0; i < alerts.size(); i++) {
			Alert alert = alert(alerts.get(i), i);
			Optional<Event> known = this.repository.findBySource(SOURCE, alert.sourceId());
			if (known.isEmpty()) {
				List<String> cis = bind(alert.instance());
				unbound += cis.isEmpty() ? 1 : 0;
				EventIntake intake = this.events.submit(newEvent(alert, cis), actor);
				created += intake.duplicate() ? 0 : 1;
				duplicates += intake.duplicate() ? 1 : 0;
				known = Optional.of(intake.event());
			}
			else {
				duplicates++;
			}
			if (alert.resolved() && known.get().status() != EventStatus.RESOLVED) {
				this.events.changeStatus(known.get().id(), EventStatus.RESOLVED,
						"resolved by Alertmanager" + ((alert.endsAt() != null) ? " at " + alert.endsAt() : ""), actor);
				resolved++;
			}
		}
		return new AlertmanagerResult(body.path("receiver").asString(""), body.path("status").asString(""),
				alerts.size(), created, duplicates, resolved, unbound);
	}

	private static JsonNode parse(byte[] payload) {
		JsonNode body;
		try {
			body = EventJson.JSON.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("body", "Malformed JSON: " + ex.getOriginalMessage());
		}
		if (body == null || !body.isObject() || !body.path("alerts").isArray()) {
			throw new InvalidInputException("alerts",
					"not an Alertmanager webhook payload: it needs an 'alerts' array (webhook version 4)");
		}
		return body;
	}

	private static Alert alert(JsonNode alert, int index) {
		String at = "alerts[" + index + "]";
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Map<String, @Nullable Object> labels = strings(alert.path("labels"));
		Map<String, @Nullable Object> annotations = strings(alert.path("annotations"));
		String fingerprint = alert.path("fingerprint").asString("");
		if (fingerprint.isBlank()) {
			errors.add(new InvalidInputException.FieldError(at + ".fingerprint", "is required"));
		}
		Instant startsAt = Timestamps.parse(alert.path("startsAt").asString("")).orElse(null);
		if (startsAt == null) {
			errors.add(new InvalidInputException.FieldError(at + ".startsAt", "must be an RFC 3339 time"));
		}
		if (labels.get("alertname") == null) {
			errors.add(new InvalidInputException.FieldError(at + ".labels.alertname", "is required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant endsAt = Timestamps.parse(alert.path("endsAt").asString("")).orElse(null);
		// Go's zero time stands for "not ended"
		if (endsAt != null && endsAt.getEpochSecond() < 0) {
			endsAt = null;
		}
		return new Alert(fingerprint + ":" + startsAt, labels, annotations, startsAt, endsAt,
				"resolved".equals(alert.path("status").asString("")), alert.path("generatorURL").asString(""));
	}

	private static NewEvent newEvent(Alert alert, List<String> cis) {
		String name = String.valueOf(alert.labels().get("alertname"));
		Object summary = alert.annotations().get("summary");
		String instance = alert.instance();
		String title = (summary != null) ? summary.toString()
				: name + ((instance != null) ? " on " + instance : "");
		Object description = alert.annotations().get("description");
		Map<String, @Nullable Object> annotations = new LinkedHashMap<>(alert.annotations());
		if (!alert.generatorUrl().isBlank()) {
			annotations.put("generator_url", alert.generatorUrl());
		}
		return new NewEvent(title, (description != null) ? description.toString() : null,
				severity(alert.labels().get("severity")), alert.resolved() ? "resolved" : "open", SOURCE,
				alert.sourceId(), null, cis, Map.of(), alert.labels(), annotations, alert.startsAt());
	}

	static String severity(@Nullable Object label) {
		String value = (label != null) ? label.toString().strip().toLowerCase(Locale.ROOT) : "";
		return switch (value) {
			case "critical", "page", "emergency", "alert", "fatal" -> "critical";
			case "high", "error", "major" -> "high";
			case "low", "info", "informational", "notice", "none", "debug" -> "low";
			default -> "medium";
		};
	}

	// the instance label names the CI: an address, or a host name, with its port
	private List<String> bind(@Nullable String instance) {
		if (instance == null || instance.isBlank()) {
			return List.of();
		}
		String host = host(instance.strip());
		if (IpAddresses.isValid(host)) {
			return this.cmdb.findByIp(host).stream().map(ConfigurationItem::id).limit(1).toList();
		}
		List<TopologyNode> named = this.topology.byName(host);
		if (named.size() == 1) {
			return List.of(named.get(0).id());
		}
		List<ConfigurationItem> found = this.cmdb.findByHost(host);
		if (found.isEmpty()) {
			return List.of();
		}
		// one CI, or the one whose name or hostname is the whole name given
		ConfigurationItem first = found.get(0);
		boolean whole = first.name().equalsIgnoreCase(host)
				|| host.equalsIgnoreCase(String.valueOf(first.attributes().get("hostname")));
		return (found.size() == 1 || whole) ? List.of(first.id()) : List.of();
	}

	private static String host(String instance) {
		if (instance.startsWith("[")) {
			int end = instance.indexOf(']');
			return (end > 0) ? instance.substring(1, end) : instance;
		}
		int colon = instance.lastIndexOf(':');
		return (colon > 0 && instance.indexOf(':') == colon) ? instance.substring(0, colon) : instance;
	}

	private static Map<String, @Nullable Object> strings(JsonNode object) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		if (object.isObject()) {
			object.properties().forEach((entry) -> values.put(entry.getKey(), entry.getValue().asString("")));
		}
		return values;
	}

	private record Alert(String sourceId, Map<String, @Nullable Object> labels,
			Map<String, @Nullable Object> annotations, Instant startsAt, @Nullable Instant endsAt, boolean resolved,
			String generatorUrl) {

		@Nullable String instance() {
			Object instance = this.labels.get("instance");
			return (instance != null) ? instance.toString() : null;
		}

	}

}
