package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a hop through the relationship graph: what runs on a host, which servers host an application, what
 * depends on a CI and what it depends on, what a CI's failure impacts (transitively), and where software is
 * installed. The named CI is the hop's anchor, not a filter on the answer: "what runs on ESX-HOST-07" lists
 * the guests, not the host.
 */
final class RelationReader {

	private static final String RUNS_ON = "runs_on";

	private static final String DEPENDS_ON = "depends_on";

	private static final String INSTALLED_ON = "installed_on";

	private static final String CONNECTED_TO = "connected_to";

	// {N} is where the anchor's name stands; an article may lead it
	// a kind written beside the name describes the anchor, not the answer: "the orders-db database", "the
	// database orders-db", "the VMWARE-HOST-02 host"
	private static final String KIND = "(?:database|db|server|host|machine|box|vm|application|app|service|switch)";

	private static final String N = "(?:the\\s+)?(?:" + KIND + "\\s+)?(?<name>{NAMES})(?:\\s+" + KIND + "(?![\\p{L}\\p{N}]))?";

	private static final String FAILS = "(?:fails?|failed|failing|goes\\s+down|went\\s+down|is\\s+down|was\\s+down"
			+ "|were\\s+down|crash(?:es|ed)?|dies|died|stops|stopped|breaks|broke|goes\\s+offline|is\\s+offline"
			+ "|becomes\\s+unavailable|is\\s+unavailable|has\\s+an\\s+outage|is\\s+lost|were\\s+to\\s+fail"
			+ "|is\\s+taken\\s+down|is\\s+shut\\s+down|dropped|drops)";

	private static final List<String> IMPACT = List.of(
			"\\b(?:if|when|should|once|in\\s+case)\\s+" + N + "\\s+" + FAILS + "\\b",
			"\\b(?:blast\\s+radius|impact|failure|outage|loss|downtime|crash)(?:\\s+(?:analysis|assessment|scope|area))?"
					+ "\\s+(?:of|for|from|on)\\s+(?:losing\\s+|a\\s+failure\\s+of\\s+|an\\s+outage\\s+of\\s+)?" + N
					+ "(?:\\s+(?:failing|going\\s+down|failure|outage|being\\s+down|crashing))?",
			"\\b" + N + "(?:'s|’s)?\\s+(?:blast\\s+radius|failure|outage)\\b",
			"\\b(?:by\\s+)?" + N + "\\s+(?:failing|going\\s+down|being\\s+down|crashing|dying|becoming\\s+unavailable"
					+ "|going\\s+offline)\\b");

	// the words around an impact question ("what would be affected"), read only with an impact hop
	private static final Pattern IMPACT_WORDS = Pattern.compile("\\b(?:blast\\s+radius|impacted|affected|broken|hit|breaks?|break"
			+ "|impacts?|affects?|would|will|could|might|get|gets|be|go\\s+down|stops?\\s+working|fail|down"
			+ "|downstream|everything|anything|else|then|happens|so|too)\\b");

	private static final List<String> DEPENDED_ON_BY = List.of(
			"\\b(?:does|do|did|would|will)\\s+" + N + "\\s+(?:depend|rely|use|need|require|call|talk\\s+to|connect\\s+to"
					+ "|consume|read\\s+from|write\\s+to)(?:\\s+(?:up)?on)?\\b",
			"\\b" + N + "\\s+(?:depends|relies|is\\s+dependent|is\\s+reliant)\\s+(?:up)?on\\b",
			"\\b" + N + "\\s+(?:uses|needs|requires|calls|consumes|talks\\s+to|connects\\s+to)\\b",
			"\\b(?:dependencies|dependences|requirements|upstream\\s+dependencies|deps)\\s+(?:of|for)\\s+" + N,
			"\\b" + N + "(?:'s|’s)?\\s+(?:dependencies|deps|requirements)\\b",
			"\\b(?:used|needed|required|called|consumed)\\s+by\\s+" + N);

	private static final List<String> DEPENDING_ON = List.of(
			"\\b(?:depends?|depending|depended|relies|rely|relying|reliant|dependent)\\s+(?:up)?on\\s+" + N,
			"\\b(?:uses?|using|consumes?|consuming|calls?|calling|needs?|needing|requires?|requiring|talks?\\s+to"
					+ "|connects?\\s+to|connecting\\s+to|reads?\\s+from|writes?\\s+to|queries|querying)\\s+" + N,
			"\\b(?:dependents|consumers|clients|callers)\\s+(?:of\\s+)?" + N,
			"\\b" + N + "(?:'s|’s)?\\s+(?:dependents|consumers|clients|callers)\\b");

	// a cable, either way: "what is connected to ACC-SW-03", "what is PROD-DB-05 plugged into" ("connects to" is
	// an application's dependency, read below)
	private static final String CABLED = "(?:connected|linked|attached|plugged|cabled|wired|uplinked|patched)\\s+(?:in)?to";

	private static final List<String> CONNECTED = List.of("\\b" + CABLED + "\\s+" + N,
			"\\b(?:is|are|was|were)\\s+" + N + "\\s+" + CABLED + "\\b",
			"\\b(?:connections|neighbou?rs|links|uplinks|cabling)\\s+(?:of|for|to)\\s+" + N);

	private static final List<String> HOSTS_OF = List.of(
			"\\b(?:does|do|is|are)\\s+" + N + "\\s+(?:run|running|hosted|deployed|live|living|located|sit|sitting)"
					+ "(?:\\s+(?:on|in|at))?\\b",
			"\\b" + N + "\\s+(?:runs|is\\s+running|is\\s+hosted|is\\s+deployed|lives|sits)\\s+(?:on|in|at)\\b",
			"\\b(?:hosts?|hosting|runs|running|run|serves|serving)\\s+" + N,
			"\\bhosts?\\s+(?:of|for)\\s+" + N,
			"\\bwhere\\s+" + N + "\\s+(?:runs|is\\s+running|is\\s+hosted|is\\s+deployed|lives|sits|resides)\\b",
			// "orders-db's hosts", "the Payments API servers": the kind of CI is left for the entity
			"\\b" + N + "(?=\\s+(?:hosts|servers|machines|boxes)\\b)");

	private static final List<String> ON = List.of(
			// "On VMWARE-HOST-04, which VMs are running?"
			"^on\\s+" + N + "\\s*,?(?=\\s*(?:what|which|how\\s+many|any|is|are|list|show)\\b.*\\b(?<verb>running|run|runs|hosted"
					+ "|deployed|living|installed)\\b)",
			"\\b(?<verb>runs?|running|hosted|deployed|lives?|living|sits?|sitting|resides?|residing|located|placed"
					+ "|installed)\\s+(?:on|in|at)\\s+" + N,
			"\\bhosted\\s+by\\s+" + N, "\\b(?:guests|tenants|workloads)\\s+(?:of|on)\\s+" + N);

	// "VMs on ESX-HOST-07", "VMs in maintenance on ESX-HOST-07": a kind of CI, a few words about it, then on a
	// named CI; "application alerts on X" are alerts on X
	private static final Pattern KIND_BEFORE_ON = Pattern.compile("\\b(?<kind>servers?|vms?|virtual\\s+machines?"
			+ "|machines?|guests?|applications?|apps?|software|packages?)\\s+(?:(?!(?:events?|alerts?|alarms?|incidents?)\\b)[\\w.-]+\\s+){0,4}?"
			+ "(?:(?:(?:that|which)\\s+)?"
			+ "(?:are|is|were)\\s+)?(?:currently\\s+)?$");

	private static final Pattern TRANSITIVE = Pattern.compile("\\b(?:directly\\s+or\\s+indirectly|indirectly"
			+ "|transitively|all\\s+the\\s+way\\s+down|at\\s+any\\s+depth)\\b");

	private static final Set<String> GENERIC = Set.of("server", "client", "engine", "service", "services", "agent",
			"exporter", "node", "apache", "microsoft", "oracle", "open", "software", "suite", "tools", "runtime",
			"windows", "database", "linux", "redhat", "ubuntu", "debian", "desktop", "studio", "framework");

	private static final Pattern SOFTWARE_LEAD = Pattern.compile("(?:(?:runs?|running|run|has|have|having|with|using"
			+ "|uses)\\s+)?(?:the\\s+)?");

	// "2.14.1", "v3", "2019 CU13", "2016 SP2"
	private static final Pattern VERSION = Pattern.compile("\\s+(?:version\\s+|v)?(?<version>\\d[\\w.\\-]*"
			+ "(?:\\s+(?:cu|sp|update|u|r|build)\\s?\\d+\\w*)?)");

	private RelationReader() {
	}

	/**
	 * The hop the question asks for, if any, its words read. {@code names} are the CI names the question wrote;
	 * {@code software} maps each software product (as the CMDB spells it) to the names of its CIs, one per version.
	 */
	static @Nullable RelationClause read(QuestionReader.Reading reading, List<NameMention> mentions,
			Map<String, List<String>> software, boolean softwareMeant) {
		List<NameMention> named = mentions.stream().filter((m) -> !m.ambiguous()).toList();
		RelationClause relation = installedWhenSoftware(named(reading, named), software);
		if (relation == null && softwareMeant) {
			List<String> names = named.stream().flatMap((m) -> m.names().stream()).toList();
			relation = installed(reading, names, software);
		}
		if (relation != null && !relation.transitive() && reading.find(TRANSITIVE) != null) {
			relation = new RelationClause(relation.answer(), relation.types(), relation.anchors(), true, relation.from());
		}
		return relation;
	}

	/**
	 * "hosts running OpenSSL 1.1.1w": the machines a software CI "runs on" are those it is installed on, since
	 * software has no runs_on relationships.
	 */
	private static @Nullable RelationClause installedWhenSoftware(@Nullable RelationClause relation,
			Map<String, List<String>> software) {
		if (relation == null || !relation.types().equals(List.of(RUNS_ON)) || relation.anchors().isEmpty()) {
			return relation;
		}
		Set<String> softwareNames = new java.util.HashSet<>();
		software.values().forEach(softwareNames::addAll);
		return softwareNames.containsAll(relation.anchors())
				? new RelationClause(relation.answer(), List.of(INSTALLED_ON), relation.anchors(), false, relation.from())
				: relation;
	}

	private static @Nullable RelationClause named(QuestionReader.Reading reading, List<NameMention> names) {
		if (names.isEmpty()) {
			return null;
		}
		// each name as the question wrote it (misspelt, or with other separators), longest first
		String alternatives = String.join("|", names.stream()
			.map(NameMention::written)
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map((written) -> "(?<![\\p{L}\\p{N}_-])" + QuestionReader.spelled(written) + "(?![\\p{L}\\p{N}_-])")
			.toList());
		Matcher impact = first(reading, IMPACT, alternatives);
		if (impact != null) {
			while (reading.find(IMPACT_WORDS) != null) {
				// read
			}
			return clause(RelationClause.SOURCES, List.of(RUNS_ON, DEPENDS_ON), impact, names, true);
		}
		Matcher connected = first(reading, CONNECTED, alternatives);
		if (connected != null) {
			return clause(RelationClause.EITHER, List.of(CONNECTED_TO), connected, names, false);
		}
		Matcher matcher = first(reading, DEPENDED_ON_BY, alternatives);
		if (matcher != null) {
			return clause(RelationClause.TARGETS, List.of(DEPENDS_ON), matcher, names, false);
		}
		matcher = first(reading, DEPENDING_ON, alternatives);
		if (matcher != null) {
			return clause(RelationClause.SOURCES, List.of(DEPENDS_ON), matcher, names, false);
		}
		matcher = first(reading, HOSTS_OF, alternatives);
		if (matcher != null) {
			return clause(RelationClause.TARGETS, List.of(RUNS_ON), matcher, names, false);
		}
		matcher = first(reading, ON, alternatives);
		if (matcher != null) {
			boolean installed = "installed".equals(group(matcher, "verb"));
			return clause(RelationClause.SOURCES, List.of(installed ? INSTALLED_ON : RUNS_ON), matcher, names, false);
		}
		return kindOn(reading, alternatives, names);
	}

	private static @Nullable RelationClause kindOn(QuestionReader.Reading reading, String alternatives,
			List<NameMention> names) {
		Pattern on = Pattern.compile("\\bon\\s+" + N.replace("{NAMES}", alternatives));
		Matcher matcher = reading.find(on, (m) -> KIND_BEFORE_ON.matcher(reading.text().substring(0, m.start())).find());
		if (matcher == null) {
			return null;
		}
		Matcher kind = KIND_BEFORE_ON.matcher(reading.text().substring(0, matcher.start()));
		kind.find();
		String type = kind.group("kind").startsWith("software") || kind.group("kind").startsWith("package")
				? INSTALLED_ON : RUNS_ON;
		return clause(RelationClause.SOURCES, List.of(type), matcher, names, false);
	}

	private static @Nullable RelationClause installed(QuestionReader.Reading reading, List<String> names,
			Map<String, List<String>> software) {
		for (Map.Entry<String, List<String>> product : byLongestWording(software).entrySet()) {
			String wording = product.getKey();
			Pattern pattern = Pattern.compile("\\b" + SOFTWARE_LEAD.pattern() + "(?<product>" + Pattern.quote(wording)
					+ ")(?:" + VERSION.pattern() + ")?\\b");
			Matcher matcher = reading.find(pattern, (m) -> !insideOtherName(reading.text(), m, names, software));
			if (matcher != null) {
				String version = matcher.group("version");
				List<String> anchors = product.getValue()
					.stream()
					.filter((name) -> version == null || versionOf(name).startsWith(version))
					.toList();
				return new RelationClause(RelationClause.TARGETS, List.of(INSTALLED_ON), anchors, false,
						matcher.group().strip());
			}
		}
		return null;
	}

	/**
	 * Each way a product can be written (its full name, each run of two or more of its words, and each word of it
	 * that is not a generic word, such as "log4j" for Apache Log4j), when no other product shares it, longest
	 * first, with the CIs it stands for.
	 */
	private static Map<String, List<String>> byLongestWording(Map<String, List<String>> software) {
		Map<String, Set<String>> products = new java.util.HashMap<>();
		for (String product : software.keySet()) {
			String lower = product.toLowerCase(Locale.ROOT);
			products.computeIfAbsent(lower, (k) -> new LinkedHashSet<>()).add(product);
			String[] words = lower.split("[^\\p{L}\\p{N}]+");
			for (String word : words) {
				if (word.length() >= 4 && !GENERIC.contains(word) && !word.equals(lower)) {
					products.computeIfAbsent(word, (k) -> new LinkedHashSet<>()).add(product);
				}
			}
			// and each run of two words or more inside it ("node exporter" of Prometheus Node Exporter)
			for (int from = 0; from < words.length; from++) {
				for (int to = from + 2; to <= words.length; to++) {
					String run = String.join(" ", java.util.Arrays.asList(words).subList(from, to));
					if (!run.equals(lower)) {
						products.computeIfAbsent(run, (k) -> new LinkedHashSet<>()).add(product);
					}
				}
			}
		}
		Map<String, List<String>> wordings = new java.util.TreeMap<>(
				Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
		products.forEach((wording, owners) -> {
			if (owners.size() == 1) {
				wordings.put(wording, software.get(owners.iterator().next()));
			}
		});
		return wordings;
	}

	// "Exchange" inside the name "Exchange Mail" is that application, not the software
	private static boolean insideOtherName(String text, Matcher match, List<String> names,
			Map<String, List<String>> software) {
		Set<String> softwareNames = new java.util.HashSet<>();
		software.values().forEach((n) -> n.forEach((name) -> softwareNames.add(name.toLowerCase(Locale.ROOT))));
		for (String name : names) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (softwareNames.contains(lower)) {
				continue;
			}
			for (int at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
				int productStart = match.start("product");
				if (at < match.end() && at + lower.length() > productStart) {
					return true;
				}
			}
		}
		return false;
	}

	private static String versionOf(String softwareName) {
		Matcher matcher = Pattern.compile("\\s(\\d[\\w.\\-]*(?:\\s+\\S+)*)$").matcher(softwareName);
		return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
	}

	private static @Nullable Matcher first(QuestionReader.Reading reading, List<String> patterns, String alternatives) {
		for (String pattern : patterns) {
			Matcher matcher = reading.find(Pattern.compile(pattern.replace("{NAMES}", alternatives)));
			if (matcher != null) {
				return matcher;
			}
		}
		return null;
	}

	private static RelationClause clause(String answer, List<String> types, Matcher matcher, List<NameMention> names,
			boolean transitive) {
		String written = key(matcher.group("name"));
		List<String> anchors = new ArrayList<>();
		for (NameMention name : names) {
			if (key(name.written()).equals(written)) {
				name.names().stream().filter((n) -> !anchors.contains(n)).forEach(anchors::add);
			}
		}
		return new RelationClause(answer, types, anchors, transitive, matcher.group().strip());
	}

	// a name's letters and digits, as the question's spellings of it are compared
	private static String key(String written) {
		return written.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static @Nullable String group(Matcher matcher, String name) {
		try {
			return matcher.group(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
