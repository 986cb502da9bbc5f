package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.nopesight.nlq.Condition.Field;

/**
 * Reads a question about the inventory into a {@link QueryPlan}: the entity, its status, environment,
 * department, cost centre, owner, operating system (and version), location, manufacturer, database engine,
 * virtual or physical, sizes compared with numbers ("more than 128 GB of memory"), an IP address, negation
 * ("non-production", "not running Windows", "outside DC1"), a count or a grouping, and what is asked of a
 * metric ({@link MetricReader}). Every word must be accounted for: a word no rule reads (an event or a
 * relationship, which are not read yet) makes the question not understood, rather than answered as if it
 * were not there.
 */
final class QuestionReader {

	static final List<String> SUGGESTIONS = List.of("How many workstations are in staging?",
			"Ubuntu servers in DC2", "servers with more than 64 GB of memory", "count workstations by department",
			"top 3 servers by memory usage last week", "critical events in the last 7 days");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}._\\-]*[\\p{L}\\p{N}])?");

	static final Set<String> FILLER = Set.copyOf(List.of(
			"show", "me", "all", "list", "the", "a", "an", "of", "in", "with", "which", "what", "are", "is", "there",
			"how", "many", "count", "number", "that", "have", "has", "having", "by", "per", "for", "please", "give",
			"find", "display", "get", "do", "does", "we", "our", "any", "every", "running", "under", "owned", "to",
			"who", "where", "whose", "and", "those", "these", "i", "can", "you", "tell", "us", "my", "it", "its",
			"at", "from", "be", "being", "currently", "now", "total", "each", "them", "kind", "type", "types",
			"using", "use", "uses", "got", "installed", "was", "were", "did", "had", "during", "over", "within",
			"value", "level", "levels", "status", "state", "located", "based", "housed", "belong", "belongs",
			"belonging", "own", "owns", "across", "among", "everything", "anything", "happened", "occurred",
			"happen", "occur", "raised", "fired", "triggered", "logged", "reported", "recorded", "seen", "used",
			"utilized", "utilised", "consumed", "made", "manufactured", "built", "right", "so", "far", "presently",
			"exist", "exists", "existing", "registered", "known", "inventory", "cmdb", "listed", "latest", "recent",
			"newest", "ones", "old", "still", "their", "anywhere", "whats", "thats", "theres", "wheres", "whos",
			"catalogued", "tracked", "just", "only", "also", "like", "entire", "whole", "need", "want", "see",
			"view", "know", "fetch", "return", "provide", "enumerate", "pull", "track", "manage", "managed",
			"kindly", "could", "would", "breakdown", "distribution", "overview", "summary", "current", "raise",
			"fire", "trigger", "log", "report", "generate", "generated", "emit", "emitted", "send", "sent",
			"produce", "produced", "look", "looking", "let", "am", "will", "shall", "created", "opened", "received",
			"when", "hey", "hi", "hello", "quick", "question", "plz", "pls", "thx", "thanks", "thank", "ok", "okay",
			"advance", "cheers", "quickly", "one", "came", "come", "arrived", "hit", "throw", "threw", "thrown",
			"run", "runs", "much", "forecast", "forecasted", "projected", "predicted", "but", "os", "since", "team",
			"guys", "folks", "again", "actually", "basically", "hosted", "deployed", "directly", "direct",
			"immediate", "group", "grouped", "groups", "environment", "env", "location", "site", "manufacturer",
			"vendor", "department"));

	private static final Pattern NEGATION = Pattern.compile(
			"(?:\\bnot|\\bnon-?|\\bexcept|\\boutside(?:\\s+of)?|\\bexcluding|\\bwithout|\\bisn't|\\baren't|\\bother\\s+than)"
					+ "\\s*(?:(?:running|in|on|from|the|a|an|using|with|of|located|based|hosted|those|these|ones|that"
					+ "|which|are|is|for|made|manufactured|built|by|produced|supplied|owned|assigned|deployed|sitting"
					+ "|have|has|having|ones)\\s+)*$");

	private static final Map<String, String> ENTITIES = entities();

	private static final Pattern ENTITY = Pattern.compile("\\b(" + String.join("|", ENTITIES.keySet()) + ")\\b");

	private static final Pattern STATUS = Pattern.compile(
			"\\b(?:(?:in|under)\\s+)?(maintenance)(?:\\s+mode)?\\b|\\b(inactive|retired|decommissioned)\\b|\\b(active)\\b");

	private static final Map<String, String> ENVIRONMENTS = Map.of("production", "production", "prod", "production",
			"staging", "staging", "stg", "staging", "stage", "staging", "development", "development", "dev",
			"development", "test", "test", "testing", "test");

	private static final Pattern ENVIRONMENT = Pattern.compile(
			"\\b(production|prod|staging|stg|stage|development|dev|testing|test)\\b(?:\\s+(?:environment|env))?");

	private static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
			"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
			"nineteen", "twenty");

	private static final Pattern NUMBER_WORD = Pattern.compile("\\b(" + String.join("|", NUMBERS) + ")\\b");

	// a number word is a number after a word that counts or before what is counted: "top five", "five busiest",
	// "the last two weeks", "within three months"
	private static final Pattern NUMBER_BEFORE = Pattern.compile("(?:^|\\b(?:top|the|bottom|first|which|lowest|highest|last"
			+ "|past|previous|next|coming|within|in)\\s+)$");

	private static final Pattern NUMBER_AFTER = Pattern.compile("^\\s+(?:busiest|quietest|least|most|lowest|highest|largest"
			+ "|biggest|hours?|days?|weeks?|months?|servers?|machines?|hosts?|boxes|vms?|workstations?|databases?"
			+ "|applications?|apps?|cores?|gb|tb)\\b");

	private static final Map<String, String> ROLE_WORDS = Map.of("database", "DB", "db", "DB", "application", "APP",
			"app", "APP", "kubernetes", "K8S", "monitoring", "MON", "messaging", "MQ", "caching", "CACHE");

	private static final Pattern ROLE_OF_SERVERS = Pattern.compile("\\b(" + String.join("|", ROLE_WORDS.keySet())
			+ ")(?=\\s+(?:servers?|hosts?|machines?|boxes|vms?|nodes?)\\b)");

	// "top 5 servers by number of events", "which server has the most alerts"
	private static final Pattern MOST_EVENTS = Pattern.compile("(?:\\b(?:(?:by|with)\\s+)?(?:the\\s+)?(?:most|highest\\s+number\\s+of"
			+ "|largest\\s+number\\s+of|greatest\\s+number\\s+of|most\\s+number\\s+of)|\\bby\\s+(?:the\\s+)?(?:number|count)\\s+of)"
			+ "(?=\\s+(?:[\\w-]+\\s+){0,3}?(?:events?|alerts?|alarms?|incidents?)\\b)"
			// "by alert count": the count is read as a count, the alerts as what is counted
			+ "|\\b(?:by|with)\\s+(?:the\\s+)?(?:highest\\s+|most\\s+)?(?=(?:[\\w-]+\\s+){0,3}?(?:events?|alerts?|alarms?|incidents?)"
			+ "\\s+count\\b)");

	// "top 5 servers by zabbix events": with a ranking asked for, "by" the events is by their number
	private static final Pattern BY_EVENTS = Pattern.compile("\\bby\\s+(?=(?:[\\w-]+\\s+){0,3}?(?:events?|alerts?|alarms?"
			+ "|incidents?)\\b)");

	private static final Pattern RANK = Pattern.compile("\\b(?:top|the|which|first)\\s+(\\d{1,4})\\b");

	// the distributions "Linux" covers
	private static final Pattern LINUX = Pattern.compile("linux|ubuntu|debian|redhat|rhel|centos|suse|fedora|rocky|alma");

	private static final Pattern DATABASES = Pattern.compile("\\b(?:databases?|dbs)\\b");

	private static final Pattern LIST_GAP = Pattern.compile("(?:,|\\bor|\\band|/)\\s*$");

	private static final Pattern EVENT_GROUP = Pattern.compile("\\b(?:by|per)\\s+(severity|source|status)\\b");

	private static final Pattern COUNT = Pattern.compile("\\bhow\\s+many\\b|\\bcount\\b|\\bnumber\\s+of\\b");

	private static final Map<String, Field> GROUPS = groups();

	private static final Set<Field> SIZE_FIELDS = Set.of(Field.MEMORY_GB, Field.CPU_CORES, Field.DISK_GB);

	private static final Pattern GROUP = Pattern.compile("\\b(?:by|per|in\\s+each|for\\s+each|each|across|across\\s+all"
			+ "|grouped\\s+by|broken\\s+down\\s+by|split\\s+by|breakdown\\s+by)\\s+(?:the\\s+)?("
			+ String.join("|", GROUPS.keySet()) + ")s?\\b");

	// right after the first grouping: "by environment and status", "per type, then location"
	private static final Pattern SECOND_GROUP = Pattern.compile("\\s*(?:,\\s*)?(?:and|then|,)\\s*(?:by\\s+|per\\s+)?(?:the\\s+)?(?:"
			+ String.join("|", GROUPS.keySet()) + "|severity|source)s?\\b");

	private static final Pattern IP = Pattern.compile("\\b(?:ip(?:\\s+address)?\\s+(?:is\\s+|=\\s*|of\\s+)?|address\\s+(?:is\\s+)?|at\\s+)?"
			+ "((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})\\b");

	// "more than 64 GB of memory", "memory over 64 GB", "at least 16 cores"; never "above 80%", a metric's level
	private static final Pattern SIZE = Pattern.compile("\\b(?:(?<before>memory|ram|disk|storage)\\s+(?:size\\s+|capacity\\s+)?"
			+ "(?:(?:of|is)\\s+)?)?(?:(?<comparison>more\\s+than|greater\\s+than|over|above|at\\s+least"
			+ "|less\\s+than|fewer\\s+than|under|below|at\\s+most|exactly|with)\\s+)?(?<amount>\\d+(?:\\.\\d+)?)(?!\\s*(?:%|percent))\\s*"
			+ "(?<unit>gb|gib|g|tb|tib|cores?|cpus?|vcpus?)?\\s*(?:of\\s+)?(?<noun>memory|ram|disk|storage|cores?|cpus?|vcpus?)?\\b");

	private static final Pattern COST_CENTER = Pattern.compile("\\b(?:cost\\s+cent(?:er|re)\\s+(?:is\\s+|=\\s*|of\\s+)?)?(cc-\\d+)\\b");

	private static final Pattern DEPARTMENT = Pattern.compile(
			"\\b(?:owned\\s+by\\s+)?(?:the\\s+)?([\\p{L}&]+)\\s+(?:department|dept|team)\\b"
					+ "|\\b(?:department|dept)\\s+(?:of\\s+)?([\\p{L}&]+)\\b");

	private static final Pattern OWNER = Pattern.compile("(?:\\b(?:owned\\s+by|owner(?:\\s+is)?|belonging\\s+to|belongs\\s+to)\\s+)?"
			+ "\\b([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)");

	private static final Pattern OWNER_TEAM = Pattern.compile("\\b(?:(?:owned|run|managed|maintained)\\s+by\\s+)?(?:the\\s+)?"
			+ "(?<team>[a-z0-9]+)\\s+team\\b");

	// the address a workstation is assigned to is its user's, not its owner's: not read
	private static final Pattern ASSIGNED = Pattern.compile("\\b(?:assigned|allocated|issued|given)\\s+to\\s+$");

	private static final Pattern VIRTUAL = Pattern.compile("\\b(virtual|physical|bare[\\s-]metal)\\b");

	private static final Map<String, String> OS_FAMILIES = osFamilies();

	private static final Pattern OS = Pattern.compile("\\b(?:(?:on|running|runs|run|with|using)\\s+)?(" + String.join("|", OS_FAMILIES.keySet())
			+ ")(?:\\s+((?:server\\s+)?\\d+(?:\\.\\d+)*(?:\\s*h\\d|\\s+\\d{2}h\\d)?|server(?=\\s+" + "(?:servers?|machines?|hosts?|boxes|vms?"
			+ "|virtual|instances?|nodes?|systems?|devices?)\\b)))?\\b");

	// "16 GB of RAM or less", "16 or more cores": the number, its unit and noun, then the direction
	private static final Pattern OR_MORE = Pattern.compile("\\b(\\d+(?:\\.\\d+)?(?:\\s*(?:gb|gib|g|tb|tib))?(?:\\s+(?:of\\s+)?"
			+ "(?:memory|ram|disk|storage|cores?|cpus?|vcpus?))?)\\s+(?:or|and)\\s+(more|greater|higher|above|over|up|bigger"
			+ "|larger|less|fewer|lower|below|under|smaller)\\b(?!\\s+(?:than\\s+)?\\d)");

	// "disk above 70% on production Ubuntu machines": an "on" that leads to the CIs' own description
	private static final Pattern ON_CIS = Pattern.compile("\\b(?:on|across|for)\\b(?=\\s+(?:all\\s+|the\\s+|our\\s+|any\\s+)?"
			+ "(?:non\\s+)?(?:production|prod|staging|stg|stage|development|dev|testing|test|physical|virtual|windows|linux"
			+ "|ubuntu|debian|red\\s+hat|redhat|rhel|centos|oracle|macos|esxi|active|inactive|" + String.join("|", ENTITIES.keySet())
			+ ")\\b)");

	private static final Map<String, String> ACTIVE = Map.of("used", "use", "needed", "need", "required", "require",
			"called", "call", "consumed", "consume", "queried", "query", "accessed", "access");

	// "by which applications is inventory-db used": the active question in other words
	private static final Pattern PASSIVE = Pattern.compile("^by\\s+(?<which>which|what)\\s+(?<kind>(?:\\w+\\s+){0,2}?\\w+)\\s+(?:is|are"
			+ "|was|were)\\s+(?<what>.+?)\\s+(?<verb>used|needed|required|called|consumed|queried|accessed)\\b");

	private static final Pattern LOCATION_WORD = Pattern.compile("\\b([a-z]{2,4}\\d{0,2})\\b");

	private QuestionReader() {
	}

	/** Reads a question whose CI names are those of {@code values} written as they are (no misspellings). */
	static QueryPlan read(String question, CmdbValues values) {
		return read(question, values, literalNames(question, values.of(Field.NAME)));
	}

	/**
	 * Reads a question whose CI names were found beforehand ({@link CiNameMatcher}); an ambiguous one makes
	 * the question not understood, with the question asked of each name it could mean.
	 */
	static QueryPlan read(String question, CmdbValues values, List<NameMention> mentions) {
		String text = normalised(question);
		Reading reading = new Reading(text);
		List<Condition> filters = new ArrayList<>();
		// "number of events per severity" counts events; a ranking of CIs by their events has no such grouping
		Matcher mostEvents = EVENT_GROUP.matcher(text).find() ? null : reading.find(MOST_EVENTS);
		if (mostEvents == null && !EVENT_GROUP.matcher(text).find() && RANK.matcher(text).find()) {
			mostEvents = reading.find(BY_EVENTS);
		}
		boolean count = reading.find(COUNT) != null;
		// "count servers by memory" groups by its size; "top 5 servers by memory" ranks by its use
		Matcher group = reading.find(GROUP, (m) -> count || !SIZE_FIELDS.contains(GROUPS.get(m.group(1))));
		// "alerts from prometheus" is the events' source, read first, and "databases running PostgreSQL" their
		// engine: neither is software installed ("alerts on servers running nginx" is)
		List<String> sources = EventReader.mentioned(text) ? EventReader.sources(reading, values.eventSources())
				: List.of();
		boolean softwareMeant = !DATABASES.matcher(text).find();
		refuseAmbiguous(question, mentions);
		RelationClause relation = RelationReader.read(reading, mentions, values.software(), softwareMeant);
		names(reading, mentions, filters);
		roleOfServers(reading, values, filters);
		Matcher eventWord = EventReader.mention(reading);
		boolean aboutEvents = eventWord != null;
		String entity = entity(reading, filters);
		relation = productOfSoftware(entity, relation, filters);
		// "servers with critical events": the CIs are asked for; "critical events on production databases":
		// the events, on CIs of that kind
		boolean cisAsked = entity != null && aboutEvents && (mostEvents != null || !filters.isEmpty()
				&& text.indexOf(filters.get(0).from()) < eventWord.start());
		EventClause events = aboutEvents ? EventReader.read(reading, sources, values.eventSources(), cisAsked) : null;
		if (events != null && mostEvents != null && cisAsked) {
			events = new EventClause(events.severities(), events.statuses(), events.sources(), events.window(), true,
					ranked(reading, mostEvents, text));
		}
		Matcher eventGroup = aboutEvents ? reading.find(EVENT_GROUP) : null;
		ip(reading, filters);
		status(reading, filters);
		environment(reading, values, filters);
		os(reading, values, filters);
		virtual(reading, filters);
		location(reading, values, filters);
		manufacturer(reading, values, filters);
		engine(reading, values, filters);
		department(reading, values, filters);
		costCenter(reading, filters);
		owner(reading, values, filters);
		sizes(reading, filters);
		role(reading, values, filters);
		MetricClause metric = aboutEvents ? null : MetricReader.read(reading, count);
		while (reading.find(ON_CIS) != null) {
			// read
		}
		if (group != null && SECOND_GROUP.matcher(text.substring(group.end())).lookingAt()
				|| eventGroup != null && SECOND_GROUP.matcher(text.substring(eventGroup.end())).lookingAt()) {
			throw new QueryNotUnderstoodException("Grouping by two fields at once is not read; ask for one grouping",
					SUGGESTIONS);
		}
		List<String> unread = reading.unread();
		if (entity == null && !aboutEvents && relation == null
				&& filters.stream()
					.noneMatch((c) -> c.field() == Field.IP_ADDRESS || c.field() == Field.NAME || c.field() == Field.OWNER)) {
			throw new QueryNotUnderstoodException("No kind of CI was named (servers, workstations, databases, "
					+ "applications, software, network devices)", SUGGESTIONS, unread);
		}
		if (!unread.isEmpty()) {
			throw new QueryNotUnderstoodException("Not understood: '" + String.join("', '", unread)
					+ "'. Questions about the inventory (types, status, environment, OS, location, manufacturer, "
					+ "department, cost center, sizes, IP), metrics (CPU, memory, disk over a window), events and "
					+ "relationships (runs on, hosts, depends on, impact, installed software) are read",
					SUGGESTIONS, unread);
		}
		Field groupBy = (group != null) ? GROUPS.get(group.group(1)) : null;
		String eventGroupBy = (eventGroup != null) ? eventGroup.group(1) : null;
		if (aboutEvents && !cisAsked && groupBy != null) {
			if (groupBy != Field.STATUS) {
				throw new QueryNotUnderstoodException("Events are grouped by severity, source or status", SUGGESTIONS);
			}
			eventGroupBy = "status";
			groupBy = null;
		}
		QueryPlan.AnswerType type = (events != null && events.top() != null) ? QueryPlan.AnswerType.TOP
				: (groupBy != null || eventGroupBy != null) ? QueryPlan.AnswerType.GROUP
				: count ? QueryPlan.AnswerType.COUNT
						: (metric != null && metric.top() != null) ? QueryPlan.AnswerType.TOP
								: (metric != null && metric.aggregate() != null) ? QueryPlan.AnswerType.AGGREGATE
										: QueryPlan.AnswerType.LIST;
		// "count servers with high CPU by environment" groups the CIs meeting the condition; grouped figures
		// ("average CPU by environment") are not read
		if (groupBy != null && metric != null && (metric.threshold() == null || metric.predicted())) {
			throw new QueryNotUnderstoodException("Grouping metric figures is not read yet", SUGGESTIONS);
		}
		String planned = (aboutEvents && !cisAsked) ? "event" : (entity != null) ? entity : "ci";
		return new QueryPlan(planned, filters, type, groupBy, metric, events, eventGroupBy, relation);
	}

	/**
	 * The question in lower case with contractions spelt out ("don't" is "do not", "I'd" is "I would"),
	 * possessives dropped ("PROD-WEB-01's"), short forms and comparisons written out ("Win 11", "> 128GB"), some
	 * word orders turned round ("busiest 3"), number words that count written as numbers ("top five", "five
	 * busiest"), and a leading "on which" read as "which". Names written with separators are left as they are.
	 */
	static String normalised(String question) {
		String text = question.toLowerCase(Locale.ROOT).strip().replace('’', '\'').replace('‘', '\'');
		text = text.replaceAll("\\bwon't\\b", "will not").replaceAll("\\bcan't\\b", "can not")
			.replaceAll("n't\\b", " not")
			.replaceAll("\\blet's\\b", "let us")
			.replaceAll("'s\\b", "")
			.replaceAll("'re\\b", " are")
			.replaceAll("'d\\b", " would")
			.replaceAll("'ll\\b", " will")
			.replaceAll("'m\\b", " am")
			.replaceAll("'ve\\b", " have")
			.replaceAll("\\bnon-(?=\\p{L})", "non ")
			.replaceAll("^(?:on|in|at)\\s+(which|what)\\b", "$1");
		text = comparisonsInWords(abbreviationsSpeltOut(text));
		text = otherWordOrders(text);
		Matcher numbers = NUMBER_WORD.matcher(text);
		StringBuilder written = new StringBuilder();
		while (numbers.find()) {
			boolean counts = NUMBER_BEFORE.matcher(text.substring(0, numbers.start())).find()
					|| NUMBER_AFTER.matcher(text.substring(numbers.end())).find();
			numbers.appendReplacement(written,
					counts ? String.valueOf(NUMBERS.indexOf(numbers.group(1)) + 1) : numbers.group(1));
		}
		numbers.appendTail(written);
		// "5 busiest servers" ranks as "top 5 busiest servers" does
		return written.toString().replaceAll("^(\\d{1,4})\\s+(?=(?:busiest|quietest|least|most|lowest|highest|largest|biggest)\\b"
				+ "|(?:\\w+\\s+){1,3}with\\s+the\\s+(?:highest|lowest|most|least)\\b)", "top $1 ");
	}

	/**
	 * "w/ 8 cores" is "with 8 cores", "Win 11" and "rhel9" are "windows 11" and "rhel 9", "VMware hosts" and
	 * "hypervisors" are ESXi hosts.
	 */
	private static String abbreviationsSpeltOut(String text) {
		// B and A: not inside a name written with separators (ESX-HOST-07, WIN-FS-01)
		String b = "(?<![\\p{L}\\p{N}_-])";
		String a = "(?![\\p{L}\\p{N}_-])";
		return text.replaceAll("\\bw/o\\b", "without").replaceAll("\\bw/(?=\\s|\\d|\\p{L})", "with ")
			.replaceAll(b + "win(?=\\s*\\d|\\s+server\\b|\\s+desktops?\\b|\\s+machines?\\b|\\s+boxes\\b|\\s+hosts?\\b)", "windows")
			.replaceAll(b + "(windows|rhel|ubuntu|debian|centos|esxi)(?=\\d+" + a + ")", "$1 ")
			.replaceAll("\\bred\\s*hat\\s+enterprise(?:\\s+linux)?\\b", "red hat")
			.replaceAll(b + "esx" + a, "esxi")
			// the machines VMs run on, not the VMs whose manufacturer is VMware; "vmware host 04" is a name
			.replaceAll(b + "vmware\\s+(hosts?|hypervisors?)" + a + "(?!\\s*\\d)", "esxi $1")
			.replaceAll(b + "(?:esxi\\s+)?hypervisors?" + a, "esxi hosts")
			// common short forms of time words
			.replaceAll(b + "lst" + a, "last")
			.replaceAll(b + "wk" + a, "week")
			.replaceAll(b + "wks" + a, "weeks")
			.replaceAll(b + "hrs" + a, "hours")
			.replaceAll(b + "yday" + a, "yesterday")
			.replaceAll(b + "prev" + a, "previous");
	}

	/**
	 * Word orders the rules read in another order: "busiest 3 servers" is "the 3 busiest servers", "noisiest 5
	 * servers" ranks by events, "by which applications is inventory-db used" is "which applications use
	 * inventory-db", "on average" is "average", "80% full" is "80%", "the operating system" is "the os".
	 */
	private static String otherWordOrders(String text) {
		String ordered = text.replaceAll("\\b(busiest|quietest|idlest|least\\s+loaded|most\\s+loaded|noisiest|least\\s+busy)\\s+(\\d{1,4})\\b",
				"$2 $1")
			.replaceAll("\\bidlest\\b", "quietest")
			.replaceAll("\\bnoisiest\\s+((?:\\w+\\s+){0,2}?(?:servers?|machines?|hosts?|boxes|cis|devices?|databases?"
					+ "|applications?|apps?|workstations?))\\b", "$1 with the most events")
			.replaceAll("\\bon\\s+average\\b", "average")
			// "servers with at least one critical event": having one is what the question asks anyway
			.replaceAll("\\b(?:at\\s+least\\s+(?:one|1)|one\\s+or\\s+more|1\\s+or\\s+more)\\s+(?=(?:[\\w-]+\\s+){0,2}?(?:events?|alerts?"
					+ "|alarms?|incidents?)\\b)", "")
			.replaceAll("(\\d)\\s*(%|percent)\\s+full\\b", "$1$2")
			.replaceAll("\\boperating\\s+systems?\\b", "os");
		Matcher passive = PASSIVE.matcher(ordered);
		if (passive.lookingAt()) {
			String active = ACTIVE.get(passive.group("verb"));
			ordered = passive.group("which") + " " + passive.group("kind") + " " + active + " " + passive.group("what")
					+ ordered.substring(passive.end());
		}
		return ordered;
	}

	/**
	 * Comparisons written as symbols or the other way round ("> 128GB", "16 GB or more", "a minimum of 32 cores",
	 * "up to 16 GB", "8+ cores"), in the words the size and metric rules read.
	 */
	private static String comparisonsInWords(String text) {
		String worded = text.replaceAll("(?:>=|=>|≥)\\s*(?=\\d)", " at least ")
			.replaceAll("(?:<=|=<|≤)\\s*(?=\\d)", " at most ")
			.replaceAll(">\\s*(?=\\d)", " more than ")
			.replaceAll("<\\s*(?=\\d)", " less than ")
			.replaceAll("\\b(\\d+(?:\\.\\d+)?)\\s*\\+", "at least $1")
			.replaceAll("\\b(?:a\\s+)?(?:minimum\\s+of|min\\.?\\s+of|no\\s+less\\s+than|not\\s+less\\s+than|no\\s+fewer\\s+than"
					+ "|not\\s+fewer\\s+than|no\\s+lower\\s+than)\\s+(?=\\d)", "at least ")
			.replaceAll("\\b(?:a\\s+)?(?:maximum\\s+of|max\\.?\\s+of|no\\s+more\\s+than|not\\s+more\\s+than|up\\s+to"
					+ "|no\\s+higher\\s+than)\\s+(?=\\d)", "at most ");
		worded = worded.replaceAll("\\bbetween\\s+(\\d+(?:\\.\\d+)?)\\s*(gb|tb|cores?)?\\s+and\\s+(\\d+(?:\\.\\d+)?)\\s*(gb|tb|cores?)\\b",
				"at least $1 $4 and at most $3 $4");
		Matcher orMore = OR_MORE.matcher(worded);
		StringBuilder written = new StringBuilder();
		while (orMore.find()) {
			String direction = orMore.group(2);
			boolean more = List.of("more", "greater", "higher", "above", "over", "up", "bigger", "larger").contains(direction);
			orMore.appendReplacement(written, Matcher.quoteReplacement((more ? "at least " : "at most ") + orMore.group(1)));
		}
		orMore.appendTail(written);
		return written.toString().replaceAll("\\s{2,}", " ").strip();
	}

	private static void refuseAmbiguous(String question, List<NameMention> mentions) {
		for (NameMention mention : mentions) {
			if (mention.ambiguous()) {
				throw ambiguous(question, mention);
			}
		}
	}

	private static void names(Reading reading, List<NameMention> mentions, List<Condition> filters) {
		List<Object> named = new ArrayList<>();
		List<String> written = new ArrayList<>();
		for (NameMention mention : mentions) {
			// "on PROD-WEB-01" reads the "on" with the name, except after a verb of a relationship ("runs on"),
			// which the relationship reader reads, or leaves unread when it makes no sense there
			Matcher matcher = reading.find(Pattern.compile("(?:(?<!\\b(?:running|runs|run|hosted|installed|deployed) )"
					+ "\\b(?:on|of|for|at|about)\\s+)?(?<![\\p{L}\\p{N}_-])(" + spelled(mention.written())
					+ ")(?![\\p{L}\\p{N}_-])"));
			if (matcher != null) {
				mention.names().stream().filter((name) -> !named.contains(name)).forEach(named::add);
				written.add(matcher.group(1));
			}
		}
		if (!named.isEmpty()) {
			filters.add(new Condition(Field.NAME, "in", named, false, String.join(", ", written)));
		}
	}

	/**
	 * "the OpenSSL packages", "Apache Log4j software": software named by its product is its versions' CIs, not the
	 * machines it is installed on.
	 */
	private static @Nullable RelationClause productOfSoftware(@Nullable String entity, @Nullable RelationClause relation,
			List<Condition> filters) {
		if (!"software".equals(entity) || relation == null || !relation.types().equals(List.of("installed_on"))
				|| !RelationClause.TARGETS.equals(relation.answer())) {
			return relation;
		}
		filters.add(new Condition(Field.NAME, "in", List.copyOf(relation.anchors()), false, relation.from()));
		return null;
	}

	/** How many CIs a ranking by events asks for: the number given, else one for "server", ten for "servers". */
	private static int ranked(Reading reading, Matcher mostEvents, String text) {
		Matcher rank = reading.find(RANK);
		if (rank != null) {
			return Integer.parseInt(rank.group(1));
		}
		reading.find(Pattern.compile("\\btop\\b"));
		Matcher plural = ENTITY.matcher(text);
		return (plural.find() && plural.group(1).endsWith("s") && !plural.group(1).equals("software")) ? 10 : 1;
	}

	/**
	 * "database servers" are servers in the DB role (PROD-DB-01), not databases; likewise application and
	 * Kubernetes servers, when the naming convention has such a role.
	 */
	private static void roleOfServers(Reading reading, CmdbValues values, List<Condition> filters) {
		Matcher matcher = reading.find(ROLE_OF_SERVERS);
		if (matcher == null) {
			return;
		}
		String role = ROLE_WORDS.get(matcher.group(1));
		if (!values.of(Field.ROLE).contains(role)) {
			reading.unconsume(matcher);
			return;
		}
		filters.add(new Condition(Field.ROLE, "=", List.of(role), reading.negated(matcher), matcher.group()));
	}

	/** The words of a mention as the reader's text has them: lower-cased, with any separators between. */
	static String spelled(String written) {
		List<String> words = new ArrayList<>();
		for (String word : written.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(Pattern.quote(word));
			}
		}
		return String.join("[^\\p{L}\\p{N}]+", words);
	}

	private static QueryNotUnderstoodException ambiguous(String question, NameMention mention) {
		String message = (mention.count() == 1)
				? "'" + mention.written() + "' is not a CI's name; did you mean " + mention.names().get(0) + "?"
				: "'" + mention.written() + "' could name " + mention.count() + " CIs; which one?";
		boolean inPlace = mention.end() <= question.length()
				&& question.regionMatches(true, mention.start(), mention.written(), 0, mention.written().length());
		List<String> suggestions = mention.names()
			.stream()
			.limit(CiNameIndex.MAX_NAMES)
			.map((name) -> inPlace ? question.substring(0, mention.start()) + name + question.substring(mention.end())
					: question.replace(mention.written(), name))
			.toList();
		return new QueryNotUnderstoodException(message, suggestions);
	}

	/** The names found as they are written in the question, case aside. */
	private static List<NameMention> literalNames(String question, List<String> names) {
		String text = question.toLowerCase(Locale.ROOT);
		List<NameMention> mentions = new ArrayList<>();
		for (String name : names) {
			Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(name.toLowerCase(Locale.ROOT))
					+ "(?![\\p{L}\\p{N}_-])").matcher(text);
			if (matcher.find()) {
				mentions.add(NameMention.exact(matcher.start(), matcher.end(), matcher.group(), name));
			}
		}
		mentions.sort(java.util.Comparator.comparingInt(NameMention::start));
		return mentions;
	}

	private static void role(Reading reading, CmdbValues values, List<Condition> filters) {
		for (String role : values.of(Field.ROLE)) {
			Matcher matcher = reading.find(Pattern.compile("\\b" + Pattern.quote(role.toLowerCase(Locale.ROOT)) + "\\b"));
			if (matcher != null) {
				filters.add(new Condition(Field.ROLE, "=", List.of(role), reading.negated(matcher), matcher.group()));
				return;
			}
		}
	}

	private static @Nullable String entity(Reading reading, List<Condition> filters) {
		// a kind of CI before a word for any CI ("Cisco Systems network devices"), and the OS's "server" last
		Matcher matcher = reading.find(ENTITY,
				(m) -> !windowsServer(reading.text(), m) && !ENTITIES.get(m.group(1)).equals("ci"));
		if (matcher == null) {
			matcher = reading.find(ENTITY, (m) -> !windowsServer(reading.text(), m));
		}
		if (matcher == null) {
			matcher = reading.find(ENTITY);
		}
		if (matcher == null) {
			return null;
		}
		String word = matcher.group(1);
		String type = ENTITIES.get(word);
		if (word.startsWith("virtual") || word.startsWith("vm")) {
			filters.add(new Condition(Field.VIRTUAL, "=", List.of(true), false, word));
		}
		if (type.equals("ci")) {
			return type;
		}
		// "CIs in DC1 that are not servers": any CI but that kind
		Matcher anyCi = reading.find(ENTITY, (m) -> ENTITIES.get(m.group(1)).equals("ci"));
		if (anyCi != null) {
			if (reading.negated(matcher)) {
				filters.add(0, new Condition(Field.TYPE, "=", List.of(type), true, word));
				return "ci";
			}
			reading.unconsume(anyCi);
		}
		filters.add(0, new Condition(Field.TYPE, "=", List.of(type), false, word));
		// "desktops and laptops": other words for the same kind
		Pattern same = Pattern.compile("(?:\\b(?:and|or)\\s+(?:the\\s+)?|(?<=,\\s?))" + ENTITY.pattern());
		while (reading.find(same, (m) -> type.equals(ENTITIES.get(m.group(1)))) != null) {
			// read
		}
		return type;
	}

	// "Windows Server 2019 boxes", "windows server hosts", "SQL Server databases": that "server" names the OS or the
	// engine, and the CIs come after
	private static boolean windowsServer(String text, Matcher match) {
		String before = text.substring(0, match.start());
		return match.group(1).equals("server") && (before.endsWith("windows ") || before.endsWith("sql "))
				&& Pattern.compile("^\\s+(?:\\d|" + ENTITY.pattern() + ")").matcher(text.substring(match.end())).find();
	}

	private static void ip(Reading reading, List<Condition> filters) {
		Matcher matcher = reading.find(IP);
		if (matcher != null) {
			filters.add(new Condition(Field.IP_ADDRESS, "=", List.of(matcher.group(1)), false, matcher.group()));
		}
	}

	private static void status(Reading reading, List<Condition> filters) {
		Matcher matcher = reading.find(STATUS);
		if (matcher != null) {
			String status = (matcher.group(1) != null) ? "maintenance" : (matcher.group(2) != null) ? "inactive" : "active";
			filters.add(new Condition(Field.STATUS, "=", List.of(status), reading.negated(matcher), matcher.group()));
		}
	}

	/**
	 * "production", "non-production", and several at once: "staging or development", "production and staging
	 * databases" are CIs in any of them; each negated one is left out ("not in production or staging").
	 */
	private static void environment(Reading reading, CmdbValues values, List<Condition> filters) {
		Listed listed = new Listed(Field.ENVIRONMENT, "in");
		Matcher matcher;
		while ((matcher = reading.find(ENVIRONMENT)) != null) {
			listed.add(reading, matcher, known(values, ENVIRONMENTS.get(matcher.group(1))), filters);
		}
		listed.addTo(filters, reading, ENVIRONMENT);
	}

	// the second of "production or staging": only "or", "and" or a comma between the two
	private static boolean listed(String text, Matcher matcher) {
		return LIST_GAP.matcher(text.substring(0, matcher.start())).find();
	}

	private static List<String> known(CmdbValues values, String canonical) {
		List<String> known = values.of(Field.ENVIRONMENT)
			.stream()
			.filter((v) -> v.equalsIgnoreCase(canonical) || v.toLowerCase(Locale.ROOT).startsWith(canonical))
			.toList();
		return known.isEmpty() ? List.of(canonical) : known;
	}

	/**
	 * One operating system or several: "Ubuntu or Debian servers" run either, "Windows servers not running Windows
	 * Server 2019" run Windows but not that release, "not Ubuntu or Debian" neither.
	 */
	private static void os(Reading reading, CmdbValues values, List<Condition> filters) {
		Listed listed = new Listed(Field.OS, "in");
		Matcher matcher;
		while ((matcher = reading.find(OS)) != null) {
			listed.add(reading, matcher, osValues(values, OS_FAMILIES.get(matcher.group(1)), matcher.group(2)), filters);
		}
		listed.addTo(filters, reading, OS);
	}

	private static List<String> osValues(CmdbValues values, String family, @Nullable String version) {
		return values.of(Field.OS).stream().filter((os) -> {
			String flat = os.toLowerCase(Locale.ROOT).replace(" ", "");
			boolean inFamily = family.equals("windows") ? flat.startsWith("windows")
					: family.equals("linux") ? LINUX.matcher(flat).find() : flat.contains(family);
			return inFamily && (version == null || os.toLowerCase(Locale.ROOT).contains(version.strip()));
		}).toList();
	}

	private static void virtual(Reading reading, List<Condition> filters) {
		Matcher matcher = reading.find(VIRTUAL);
		if (matcher != null) {
			boolean virtual = matcher.group(1).equals("virtual");
			filters.add(new Condition(Field.VIRTUAL, "=", List.of(virtual), reading.negated(matcher), matcher.group()));
		}
	}

	/**
	 * "in DC1" is a site (the location's first part), "in DC2-RACK-18" one location; several at once ("DC1 or DC2")
	 * are CIs in any of them, and each negated one is left out ("outside DC1 and DC2").
	 */
	private static void location(Reading reading, CmdbValues values, List<Condition> filters) {
		List<String> sites = values.of(Field.LOCATION)
			.stream()
			.map((site) -> site.toLowerCase(Locale.ROOT))
			.filter((site) -> LOCATION_WORD.matcher(site).matches())
			.toList();
		if (sites.isEmpty()) {
			return;
		}
		Pattern named = Pattern.compile("\\b(?:(?:on|at)\\s+)?(?:the\\s+)?(?:(?:rack|floor|site|location|data\\s*cent(?:er|re)|dc)\\s+)?"
				+ "(?<location>(?:" + String.join("|", sites.stream().map(Pattern::quote).toList()) + ")(?:-[a-z0-9]+)*)\\b");
		Listed listed = new Listed(Field.LOCATION, "starts_with");
		Matcher matcher;
		while ((matcher = reading.find(named)) != null) {
			String written = matcher.group("location").toUpperCase(Locale.ROOT);
			// a site is a prefix (DC1-), a whole location (DC2-RACK-18) is itself, not DC2-RACK-180
			listed.add(reading, matcher, List.of(written.contains("-") ? written : written + "-"), filters);
		}
		listed.addTo(filters, reading, named);
	}

	/**
	 * A manufacturer by its first word ("Dell", "Palo") or more of its name as stored ("Dell Inc.", "Palo Alto
	 * Networks", "VMware, Inc."): the first word and any of the words after it, in order.
	 */
	private static void manufacturer(Reading reading, CmdbValues values, List<Condition> filters) {
		Map<String, List<String>> byWord = new LinkedHashMap<>();
		Map<String, String> spellings = new LinkedHashMap<>();
		for (String value : values.of(Field.MANUFACTURER)) {
			String[] words = value.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
			if (words.length > 0 && words[0].length() >= 2) {
				byWord.computeIfAbsent(words[0], (k) -> new ArrayList<>()).add(value);
				String rest = "";
				for (int i = words.length - 1; i >= 1; i--) {
					rest = "(?:[\\s,.]+" + Pattern.quote(words[i]) + rest + ")?";
				}
				// the longest spelling of a first word shared by several makers ("hp", "hpe" are not shared)
				spellings.merge(words[0], Pattern.quote(words[0]) + rest + "\\.?",
						(a, b) -> (a.length() >= b.length()) ? a : b);
			}
		}
		// in the order the question names them, so that "not made by Dell or Lenovo" leaves out both
		List<Map.Entry<Matcher, List<String>>> named = new ArrayList<>();
		byWord.forEach((word, matching) -> {
			Matcher matcher = reading.find(Pattern.compile("\\b" + spellings.get(word) + "(?![\\p{L}\\p{N}])"));
			if (matcher != null) {
				named.add(Map.entry(matcher, matching));
			}
		});
		named.sort(java.util.Comparator.comparingInt((Map.Entry<Matcher, List<String>> e) -> e.getKey().start()));
		Listed listed = new Listed(Field.MANUFACTURER, "in");
		named.forEach((maker) -> listed.add(reading, maker.getKey(), maker.getValue(), filters));
		listed.addTo(filters, reading, Pattern.compile(String.join("|", spellings.values())));
	}

	// the short names people write for an engine, by the engine's name
	private static final Map<String, String> ENGINE_ALIASES = Map.of("postgres", "postgresql", "pg", "postgresql",
			"mssql", "sql server", "ms sql", "sql server");

	private static void engine(Reading reading, CmdbValues values, List<Condition> filters) {
		Map<String, List<String>> byName = new LinkedHashMap<>();
		for (String value : values.of(Field.ENGINE)) {
			String name = value.toLowerCase(Locale.ROOT).replaceAll("\\s*\\d[\\d.]*$", "");
			byName.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value);
		}
		byName.forEach((name, matching) -> {
			Matcher matcher = reading.find(Pattern.compile("\\b(?:(?:runs?\\s+on|running\\s+on|running|runs?|on|using)\\s+)?"
					+ "(?:" + engineSpellings(name, reading.text)
					+ ")(?:\\s+(\\d+(?:\\.\\d+)*))?\\b"));
			if (matcher != null) {
				String version = matcher.group(1);
				List<Object> narrowed = matching.stream()
					.filter((v) -> version == null || v.contains(version))
					.map((v) -> (Object) v)
					.toList();
				filters.add(new Condition(Field.ENGINE, "in", narrowed, reading.negated(matcher), matcher.group()));
			}
		});
	}

	/**
	 * An engine as a question writes it: its name, a short name ("postgres", "mssql"), or a long name misspelt
	 * by one letter ("postgressql"), which no other word of a question is.
	 */
	private static String engineSpellings(String name, String text) {
		List<String> spellings = new ArrayList<>(List.of(name));
		ENGINE_ALIASES.forEach((alias, engine) -> {
			if (engine.equals(name)) {
				spellings.add(alias);
			}
		});
		if (name.length() >= 6 && !name.contains(" ")) {
			Matcher word = WORD.matcher(text);
			while (word.find()) {
				if (NameKeys.distance(word.group(), name) == 1) {
					spellings.add(word.group());
				}
			}
		}
		return String.join("|", spellings.stream().map(Pattern::quote).toList());
	}

	private static void department(Reading reading, CmdbValues values, List<Condition> filters) {
		Matcher matcher = reading.find(DEPARTMENT);
		if (matcher == null) {
			bareDepartment(reading, values, filters);
			return;
		}
		String word = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
		List<Object> matching = values.of(Field.DEPARTMENT)
			.stream()
			.filter((d) -> d.equalsIgnoreCase(word))
			.map((d) -> (Object) d)
			.toList();
		addWhenKnown(reading, matcher, Field.DEPARTMENT, matching, filters);
	}

	// the CMDB's values a matched word stands for; a word that stands for none is left unread for other rules
	private static void addWhenKnown(Reading reading, Matcher matcher, Field field, List<Object> matching,
			List<Condition> filters) {
		if (matching.isEmpty()) {
			reading.unconsume(matcher);
			return;
		}
		filters.add(new Condition(field, "in", matching, reading.negated(matcher), matcher.group()));
	}

	/**
	 * "Finance workstations": a department the CMDB knows, named without the word "department". A short or
	 * common word ("IT", "HR") is a department only right before the kind of CI ("non-IT servers", "HR laptops").
	 */
	private static void bareDepartment(Reading reading, CmdbValues values, List<Condition> filters) {
		for (String department : values.of(Field.DEPARTMENT)) {
			String word = department.toLowerCase(Locale.ROOT);
			if (word.isEmpty() || ENTITY.matcher(word).matches()) {
				continue;
			}
			boolean common = word.length() < 3 || FILLER.contains(word);
			Matcher matcher = reading.find(Pattern.compile(common ? "\\b" + Pattern.quote(word) + "(?=\\s+" + ENTITY.pattern() + ")"
					: "\\b(?:(?:owned\\s+by|from|of|in|for)\\s+)?(?:the\\s+)?" + Pattern.quote(word) + "\\b"));
			if (matcher != null) {
				filters.add(new Condition(Field.DEPARTMENT, "in", List.of(department), reading.negated(matcher),
						matcher.group()));
				return;
			}
		}
	}

	private static void costCenter(Reading reading, List<Condition> filters) {
		Matcher matcher = reading.find(COST_CENTER);
		if (matcher != null) {
			filters.add(new Condition(Field.COST_CENTER, "=", List.of(matcher.group(1).toUpperCase(Locale.ROOT)),
					reading.negated(matcher), matcher.group()));
		}
	}

	private static void owner(Reading reading, CmdbValues values, List<Condition> filters) {
		Matcher matcher = reading.find(OWNER,
				(m) -> !ASSIGNED.matcher(reading.text().substring(0, m.start())).find());
		if (matcher == null) {
			ownerTeam(reading, values, filters);
			return;
		}
		filters.add(new Condition(Field.OWNER, "=", List.of(matcher.group(1)), reading.negated(matcher), matcher.group()));
	}

	// "owned by the web team": the owner whose address is the team's (web-team@company.com)
	private static void ownerTeam(Reading reading, CmdbValues values, List<Condition> filters) {
		Matcher matcher = reading.find(OWNER_TEAM);
		if (matcher == null) {
			return;
		}
		String team = matcher.group("team");
		List<Object> owners = values.of(Field.OWNER)
			.stream()
			.filter((owner) -> {
				String local = owner.toLowerCase(Locale.ROOT).replaceAll("@.*$", "");
				return local.equals(team + "-team") || local.equals(team + "team") || local.equals(team + "_team");
			})
			.map((owner) -> (Object) owner)
			.toList();
		addWhenKnown(reading, matcher, Field.OWNER, owners, filters);
	}

	private static void sizes(Reading reading, List<Condition> filters) {
		Matcher matcher;
		while ((matcher = reading.find(SIZE, (m) -> m.group("unit") != null || m.group("noun") != null)) != null) {
			String unit = (matcher.group("unit") != null) ? matcher.group("unit") : "";
			String noun = (matcher.group("noun") != null) ? matcher.group("noun")
					: (matcher.group("before") != null) ? matcher.group("before") : unit;
			Field field = noun.startsWith("mem") || noun.equals("ram") ? Field.MEMORY_GB
					: noun.startsWith("disk") || noun.startsWith("stor") ? Field.DISK_GB
							: (noun.startsWith("core") || noun.startsWith("cpu") || noun.startsWith("vcpu"))
									? Field.CPU_CORES : Field.MEMORY_GB;
			// disks are sold, and the CMDB records them, in decimal units: 1 TB is 1000 GB
			double amount = Double.parseDouble(matcher.group("amount")) * (unit.startsWith("t") ? 1000 : 1);
			String comparison = (matcher.group("comparison") != null) ? matcher.group("comparison").replaceAll("\\s+", " ") : "";
			String operator = switch (comparison) {
				case "more than", "greater than", "over", "above" -> ">";
				case "at least" -> ">=";
				case "less than", "fewer than", "under", "below" -> "<";
				case "at most" -> "<=";
				default -> "=";
			};
			filters.add(new Condition(field, operator, List.of(amount), reading.negated(matcher), matcher.group().strip()));
		}
	}

	private static Map<String, String> entities() {
		Map<String, String> entities = new LinkedHashMap<>();
		entities.put("virtual machines", "server");
		entities.put("virtual machine", "server");
		entities.put("vms", "server");
		entities.put("vm", "server");
		entities.put("network devices", "network_device");
		entities.put("network device", "network_device");
		entities.put("load balancers", "network_device");
		for (String word : List.of("switches", "switch", "firewalls", "firewall", "routers", "router")) {
			entities.put(word, "network_device");
		}
		for (String word : List.of("servers", "server", "machines", "machine", "hosts", "host", "boxes", "box")) {
			entities.put(word, "server");
		}
		for (String word : List.of("workstations", "workstation", "desktops", "desktop", "laptops", "laptop")) {
			entities.put(word, "workstation");
		}
		for (String word : List.of("applications", "application", "apps", "app")) {
			entities.put(word, "application");
		}
		for (String word : List.of("databases", "database", "dbs")) {
			entities.put(word, "database");
		}
		for (String word : List.of("software packages", "software package", "software", "packages", "package")) {
			entities.put(word, "software");
		}
		for (String word : List.of("configuration items", "configuration item", "cis", "ci", "items", "assets", "devices",
				"device", "systems", "system")) {
			entities.put(word, "ci");
		}
		return entities;
	}

	private static Map<String, Field> groups() {
		Map<String, Field> groups = new LinkedHashMap<>();
		groups.put("environment", Field.ENVIRONMENT);
		groups.put("env", Field.ENVIRONMENT);
		groups.put("type", Field.TYPE);
		groups.put("status", Field.STATUS);
		groups.put("location", Field.LOCATION);
		// a location is a rack or a floor (DC1-RACK-03); a site or data centre is its first part (DC1)
		groups.put("data center", Field.SITE);
		groups.put("data centre", Field.SITE);
		groups.put("datacenter", Field.SITE);
		groups.put("site", Field.SITE);
		groups.put("dc", Field.SITE);
		groups.put("operating system", Field.OS);
		groups.put("os", Field.OS);
		groups.put("department", Field.DEPARTMENT);
		groups.put("manufacturer", Field.MANUFACTURER);
		groups.put("vendor", Field.MANUFACTURER);
		groups.put("cost center", Field.COST_CENTER);
		groups.put("cost centre", Field.COST_CENTER);
		groups.put("owner", Field.OWNER);
		groups.put("database engine", Field.ENGINE);
		groups.put("memory size", Field.MEMORY_GB);
		groups.put("amount of memory", Field.MEMORY_GB);
		groups.put("memory", Field.MEMORY_GB);
		groups.put("ram", Field.MEMORY_GB);
		groups.put("cpu cores", Field.CPU_CORES);
		groups.put("number of cores", Field.CPU_CORES);
		groups.put("core count", Field.CPU_CORES);
		groups.put("cores", Field.CPU_CORES);
		groups.put("disk size", Field.DISK_GB);
		groups.put("storage size", Field.DISK_GB);
		groups.put("disk", Field.DISK_GB);
		groups.put("engine", Field.ENGINE);
		return groups;
	}

	private static Map<String, String> osFamilies() {
		Map<String, String> families = new LinkedHashMap<>();
		families.put("windows", "windows");
		families.put("ubuntu", "ubuntu");
		families.put("debian", "debian");
		families.put("red hat", "redhat");
		families.put("redhat", "redhat");
		families.put("rhel", "redhat");
		families.put("oracle linux", "oraclelinux");
		families.put("macos", "macos");
		families.put("mac os", "macos");
		families.put("vmware esxi", "esxi");
		families.put("esxi", "esxi");
		families.put("centos", "centos");
		families.put("linux", "linux");
		return families;
	}

	/**
	 * Values of one field a question names, in its order: the values named are any of them, each negated one is
	 * left out, and one listed right after a negated one is negated too ("not in production or staging").
	 */
	private static final class Listed {

		private final Field field;

		private final String operator;

		private final List<Object> wanted = new ArrayList<>();

		private final List<String> from = new ArrayList<>();

		private int named;

		private boolean negatedBefore;

		Listed(Field field, String operator) {
			this.field = field;
			this.operator = operator;
		}

		void add(Reading reading, Matcher matcher, List<?> values, List<Condition> filters) {
			boolean negated = reading.negated(matcher) || (this.negatedBefore && listed(reading.text(), matcher));
			this.named++;
			if (negated) {
				filters.add(new Condition(this.field, this.operator, List.copyOf(values), true, matcher.group()));
			}
			else {
				values.stream().filter((v) -> !this.wanted.contains(v)).forEach(this.wanted::add);
				this.from.add(matcher.group());
			}
			this.negatedBefore = negated;
		}

		/** The condition of the values named, and the "or", "and" between them read ({@code values} names them). */
		void addTo(List<Condition> filters, Reading reading, Pattern values) {
			if (!this.from.isEmpty()) {
				filters.add(new Condition(this.field, this.operator, this.wanted, false, String.join(", ", this.from)));
			}
			if (this.named < 2) {
				return;
			}
			Pattern join = Pattern.compile("\\b(?:or|and|nor)\\b(?=\\s+(?:(?:not|non|in|on|from|made\\s+by)\\s+)*(?:"
					+ values.pattern() + "))");
			while (reading.find(join) != null) {
				// read
			}
		}

	}

	/**
	 * The question's text and which of its words the rules have read so far.
	 */
	static final class Reading {

		private final String text;

		private final List<int[]> words = new ArrayList<>();

		private final BitSet read = new BitSet();

		String text() {
			return this.text;
		}

		Reading(String text) {
			this.text = text;
			Matcher matcher = WORD.matcher(text);
			while (matcher.find()) {
				this.words.add(new int[] { matcher.start(), matcher.end() });
			}
		}

		@Nullable Matcher find(Pattern pattern) {
			return find(pattern, (m) -> true);
		}

		/** The first match of words not read yet that the test accepts; its words are then read. */
		@Nullable Matcher find(Pattern pattern, java.util.function.Predicate<Matcher> accept) {
			Matcher matcher = pattern.matcher(this.text);
			// a match refused is tried again one character on, so that "of disk" refused still finds "disk"
			for (int at = 0; at <= this.text.length() && matcher.find(at); at = matcher.start() + 1) {
				if (matcher.end() > matcher.start() && aligned(matcher.start(), matcher.end())
						&& unreadSpan(matcher.start(), matcher.end()) && accept.test(matcher)) {
					mark(matcher.start(), matcher.end(), true);
					return matcher;
				}
			}
			return null;
		}

		void unconsume(Matcher matcher) {
			mark(matcher.start(), matcher.end(), false);
		}

		/** Whether a negation ("not", "non-", "outside", "except") leads to the match; its words are read too. */
		boolean negated(Matcher matcher) {
			Matcher negation = NEGATION.matcher(this.text.substring(0, matcher.start()));
			if (negation.find()) {
				mark(negation.start(), matcher.start(), true);
				return true;
			}
			return false;
		}

		/** The words no rule read and no filler explains. */
		List<String> unread() {
			List<String> unread = new ArrayList<>();
			for (int i = 0; i < this.words.size(); i++) {
				String word = this.text.substring(this.words.get(i)[0], this.words.get(i)[1]);
				if (!this.read.get(i) && !FILLER.contains(word.replaceAll("[.?!]+$", ""))) {
					unread.add(word);
				}
			}
			return unread;
		}

		/**
		 * Whether a match begins and ends on word boundaries of the question's own words: "host" inside a CI's
		 * name such as ESX-HOST-07 is not the word "host".
		 */
		private boolean aligned(int start, int end) {
			int trimmed = end;
			while (trimmed > start && !Character.isLetterOrDigit(this.text.charAt(trimmed - 1))) {
				trimmed--;
			}
			boolean starts = false;
			boolean ends = false;
			for (int[] w : this.words) {
				starts |= w[0] == start;
				ends |= w[1] == trimmed;
			}
			return starts && ends;
		}

		private boolean unreadSpan(int start, int end) {
			for (int i = 0; i < this.words.size(); i++) {
				int[] w = this.words.get(i);
				if (w[0] < end && w[1] > start && this.read.get(i)) {
					return false;
				}
			}
			return true;
		}

		private void mark(int start, int end, boolean value) {
			for (int i = 0; i < this.words.size(); i++) {
				int[] w = this.words.get(i);
				if (w[0] < end && w[1] > start) {
					this.read.set(i, value);
				}
			}
		}

	}

}
