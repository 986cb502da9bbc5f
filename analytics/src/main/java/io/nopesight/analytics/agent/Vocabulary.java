package io.nopesight.analytics.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The words the agents read: stems (a lemma starting with one matches) and phrases for each intent, the
 * words for CI types, resources and environments. What is not here is not guessed at.
 */
final class Vocabulary {

	static final List<String> CAPACITY = List.of("capacit", "upgrad", "exhaust", "full", "fill", "grow", "outgrow",
			"headroom", "saturat", "run out", "run low", "low on", "need more", "out of space", "out of memory",
			"out of disk", "scale up", "expand");

	static final List<String> COST = List.of("cost", "sav", "idl", "underutili", "under-utili", "underus", "under-us",
			"right-siz", "rightsiz", "right siz", "right size", "oversiz", "over-siz", "overprovision", "over-provision", "wast",
			"downsiz", "shrink", "cheap", "spend", "unused", "scale down", "too big");

	static final List<String> INCIDENTS = List.of("incident", "root", "cause", "outage", "broken", "wrong",
			"problem", "fail", "issue", "down", "triage", "open", "happen");

	static final List<String> NOISE = List.of("nois", "alert", "event", "flap", "chatt", "spam", "loud", "busiest",
			"talkative");

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("server", "server"),
			Map.entry("host", "server"), Map.entry("machine", "server"), Map.entry("vm", "server"),
			Map.entry("vms", "server"), Map.entry("box", "server"), Map.entry("database", "database"),
			Map.entry("db", "database"), Map.entry("dbs", "database"), Map.entry("workstation", "workstation"),
			Map.entry("desktop", "workstation"), Map.entry("pc", "workstation"), Map.entry("pcs", "workstation"),
			Map.entry("laptop", "workstation"), Map.entry("switch", "network_device"),
			Map.entry("router", "network_device"), Map.entry("application", "application"),
			Map.entry("app", "application"));

	private static final Map<Resource, List<String>> RESOURCES = Map.of(Resource.CPU,
			List.of("cpu", "processor", "vcpu", "compute"), Resource.MEMORY, List.of("memory", "ram"),
			Resource.STORAGE, List.of("disk", "storage", "space", "volume", "filesystem", "drive"));

	private static final Map<String, String> ENVIRONMENT_ALIASES = Map.of("prod", "production", "live", "production",
			"dev", "development", "stg", "staging", "stage", "staging", "qa", "test", "uat", "staging");

	private Vocabulary() {
	}

	static @Nullable String ciType(Words words) {
		return words.lemmas().stream().map(TYPES::get).filter((t) -> t != null).findFirst().orElse(null);
	}

	static List<Resource> resources(Words words) {
		List<Resource> named = new ArrayList<>();
		for (Resource resource : Resource.values()) {
			if (words.lemmas().stream().anyMatch(RESOURCES.get(resource)::contains)) {
				named.add(resource);
			}
		}
		return named;
	}

	/**
	 * The environment among {@code known} (the CMDB's values) that the question names: exactly, by a usual
	 * short form ({@code prod}, {@code dev}, {@code stg}) or by a prefix of three letters or more that only one
	 * value has.
	 */
	static @Nullable String environment(Words words, Collection<String> known) {
		Map<String, String> byLower = new LinkedHashMap<>();
		known.stream().sorted().forEach((value) -> byLower.put(value.toLowerCase(Locale.ROOT), value));
		for (String word : words.raw()) {
			String token = word.toLowerCase(Locale.ROOT);
			for (String candidate : List.of(token, Words.lemma(token))) {
				if (byLower.containsKey(candidate)) {
					return byLower.get(candidate);
				}
			}
			String alias = ENVIRONMENT_ALIASES.get(token);
			if (alias != null && byLower.containsKey(alias)) {
				return byLower.get(alias);
			}
			if (token.length() >= 3) {
				List<String> prefixed = byLower.keySet().stream().filter((v) -> v.startsWith(token)).toList();
				if (prefixed.size() == 1) {
					return byLower.get(prefixed.get(0));
				}
			}
		}
		return null;
	}

	/**
	 * Tokens that may be CI names: written with a digit or a dash, as host names are ({@code PROD-DB-03}).
	 */
	static List<String> ciNameCandidates(Words words) {
		return words.raw()
			.stream()
			.filter((w) -> w.length() >= 3 && w.chars().anyMatch((c) -> c == '-' || Character.isDigit(c)))
			.filter((w) -> !w.chars().allMatch(Character::isDigit))
			.distinct()
			.limit(5)
			.toList();
	}

}
