package io.nopesight.nlq;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Ordinary words of a question mistyped ("servres", "memroy", "critcal", "prodcution"): the word of the reader's
 * vocabulary (or of the CMDB's own values: departments, event sources) it is one edit from, two for a long word,
 * when exactly one word is that close. Names are not corrected here: {@link CiNameMatcher} finds misspelt names.
 */
final class Spelling {

	// the words questions are made of, beyond the filler the reader skips: a typo of one of them is corrected
	private static final List<String> WORDS = List.of("server", "servers", "machine", "machines", "host", "hosts",
			"workstation", "workstations", "desktop", "desktops", "laptop", "laptops", "application", "applications",
			"database", "databases", "software", "package", "packages", "network", "device", "devices", "switch",
			"switches", "firewall", "firewalls", "router", "routers", "balancer", "balancers", "event", "events", "alert",
			"alerts", "alarm", "alarms", "incident", "incidents", "production", "staging", "development", "testing",
			"active", "inactive", "retired", "decommissioned", "maintenance", "critical", "medium", "severity",
			"acknowledged", "resolved", "unresolved", "memory", "disk", "storage", "processor", "usage", "utilization",
			"utilisation", "average", "maximum", "minimum", "highest", "lowest", "peak", "peaked", "spiked", "last",
			"past", "week", "weeks", "month", "months", "days", "hours", "yesterday", "today", "running", "installed",
			"depends", "depend", "hosted", "impacted", "affected", "virtual", "physical", "windows", "ubuntu",
			"debian", "linux", "redhat", "location", "department", "environment", "manufacturer", "owner", "cores",
			"more", "less", "than", "above", "below", "under", "over", "least", "most", "busiest", "between", "count",
			"number", "which", "what", "where", "with", "show", "list", "many", "status", "open", "engine", "outside",
			"except", "greater", "fewer", "exactly", "percent", "top", "bottom", "quietest", "idle", "underutilized",
			"dependencies", "blast", "radius", "impact", "fails", "runs", "connected");

	// with the filler the reader skips, so that a typo of a filler word is not taken for another word
	private static final Set<String> VOCABULARY = words(WORDS, QuestionReader.FILLER);

	private Spelling() {
	}

	/** The vocabulary word a mistyped word stands for, when one is clearly meant; {@code extraWords} are the CMDB's. */
	static Optional<String> corrected(String word, Collection<String> extraWords) {
		String typed = word.toLowerCase(Locale.ROOT);
		if (typed.length() < 4 || !typed.matches("\\p{L}+")) {
			return Optional.empty();
		}
		Set<String> vocabulary = new HashSet<>(VOCABULARY);
		vocabulary.addAll(words(extraWords, List.of()));
		if (vocabulary.contains(typed)) {
			return Optional.empty();
		}
		int allowed = (typed.length() >= 8) ? 2 : 1;
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		boolean tie = false;
		for (String known : vocabulary) {
			if (Math.abs(known.length() - typed.length()) > allowed) {
				continue;
			}
			int distance = NameKeys.distance(typed, known);
			if (distance < bestDistance) {
				best = known;
				bestDistance = distance;
				tie = false;
			}
			else if (distance == bestDistance) {
				tie = true;
			}
		}
		// a misspelling keeps its first letter: "sever" is server, "ever" is not
		boolean clear = best != null && bestDistance <= allowed && !tie && best.charAt(0) == typed.charAt(0);
		return clear ? Optional.of(best) : Optional.empty();
	}

	// the words made of letters only, in lower case
	private static Set<String> words(Collection<String> some, Collection<String> more) {
		Set<String> words = new HashSet<>();
		java.util.stream.Stream.concat(some.stream(), more.stream())
			.map((word) -> word.toLowerCase(Locale.ROOT))
			.filter((word) -> word.matches("\\p{L}+"))
			.forEach(words::add);
		return Set.copyOf(words);
	}

}
