package io.nopesight.nlq;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import io.nopesight.nlq.Condition.Field;

/**
 * The query plan as JSON: the schema a model is asked to answer in, and the mapping of its reply to a
 * {@link QueryPlan}. A model can write anything, so the reply is checked again here, against the schema and
 * against the CMDB's values: a field, operator or value that does not exist, or clauses that disagree, are
 * refused with a {@link Reason} and never run. Values are mapped to the CMDB's own spelling, as the offline
 * reader does, because the SQL compares them exactly.
 */
final class PlanJson {

	static final List<String> ENTITIES = List.of("server", "workstation", "application", "database", "software",
			"network_device", "ci", "event");

	private static final List<String> CI_TYPES = ENTITIES.subList(0, 6);

	static final List<String> OPERATORS = List.of("=", "<", "<=", ">", ">=", "in", "starts_with");

	private static final List<String> STATUSES = List.of("active", "inactive", "maintenance");

	static final List<String> METRICS = List.of("cpu_usage", "memory_usage", "disk_usage");

	private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

	private static final List<String> EVENT_STATUSES = List.of("open", "acknowledged", "resolved");

	private static final List<String> EVENT_GROUPS = List.of("severity", "source", "status");

	// the fields JdbcPlanQueries can group CIs by
	private static final Set<Field> GROUPABLE = EnumSet.of(Field.TYPE, Field.STATUS, Field.ENVIRONMENT,
			Field.DEPARTMENT, Field.COST_CENTER, Field.OWNER, Field.OS, Field.LOCATION, Field.SITE, Field.MANUFACTURER,
			Field.ENGINE, Field.MEMORY_GB, Field.CPU_CORES, Field.DISK_GB);

	private static final Set<Field> NUMERIC = EnumSet.of(Field.MEMORY_GB, Field.CPU_CORES, Field.DISK_GB);

	// compared with "=" and a single value by JdbcPlanQueries
	private static final Set<Field> SINGLE = EnumSet.of(Field.VIRTUAL, Field.IP_ADDRESS, Field.ROLE);

	private static final Pattern IPV4 = Pattern
		.compile("(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

	private static final Duration LONGEST_WINDOW = Duration.ofDays(3660);

	private static final Set<String> PLAN = Set.of("expressible", "entity", "answer_type", "filters", "group_by",
			"metric", "events", "event_group", "relation");

	private static final Set<String> CONDITION = Set.of("field", "operator", "values", "negated", "from");

	private static final Set<String> METRIC = Set.of("metric", "window", "aggregation", "operator", "threshold", "top",
			"ascending", "aggregate", "from");

	private static final Set<String> EVENTS = Set.of("severities", "statuses", "sources", "window", "top");

	private static final Set<String> RELATION = Set.of("answer", "types", "anchors", "transitive", "from");

	private static final List<String> RELATION_TYPES = List.of("runs_on", "depends_on", "installed_on", "connected_to");

	/** The plan's schema, sent as the request's {@code response_format} (json_schema). */
	static final JsonSchema SCHEMA = JsonSchema.builder().name("query_plan").rootElement(planSchema()).build();

	private PlanJson() {
	}

	/**
	 * The plan a reply describes, checked against the schema and the CMDB's values. This is the one place a reply
	 * becomes a plan: a new clause of the plan is read here.
	 * @throws Rejected when the reply is not a valid plan
	 */
	static QueryPlan plan(String reply, CmdbValues values) {
		Map<String, @Nullable Object> root = object(parse(reply), "plan", PLAN);
		if (!bool(root, "expressible", "plan")) {
			throw new Rejected(Reason.NOT_EXPRESSIBLE, "the model says the plan cannot express the question");
		}
		String entity = oneOf(text(root, "entity", "plan"), ENTITIES, "entity");
		QueryPlan.AnswerType answerType = answerType(text(root, "answer_type", "plan"));
		List<Condition> filters = typed(entity, conditions(root.get("filters"), values));
		String groupBy = optionalText(root, "group_by", "plan");
		MetricClause metric = (root.get("metric") != null) ? metric(root.get("metric")) : null;
		EventClause events = (root.get("events") != null)
				? events(root.get("events"), !entity.equals("event"), values) : null;
		String eventGroup = optionalText(root, "event_group", "plan");
		RelationClause relation = (root.get("relation") != null) ? relation(root.get("relation"), values) : null;
		QueryPlan plan = new QueryPlan(entity, filters, answerType, (groupBy != null) ? groupField(groupBy) : null,
				metric, events, (eventGroup != null) ? oneOf(eventGroup, EVENT_GROUPS, "event_group") : null, relation);
		return consistent(plan);
	}

	private static Object parse(String reply) {
		try {
			return Json.object(reply.strip());
		}
		catch (JacksonException ex) {
			throw new Rejected(Reason.MALFORMED, "not a JSON object: " + ex.getOriginalMessage());
		}
	}

	/** The answer's shape must be one the clauses can give, so that nothing runs half-specified. */
	private static QueryPlan consistent(QueryPlan plan) {
		boolean ofEvents = plan.entity().equals("event");
		require(plan.metric() == null || plan.events() == null, "a metric and events in one plan");
		require(!ofEvents || plan.events() != null, "entity event without an events clause");
		require(plan.eventGroup() == null || ofEvents, "event_group on a CI answer");
		require(plan.groupBy() == null || !ofEvents, "group_by on an event answer (use event_group)");
		switch (plan.answerType()) {
			case TOP -> require((plan.metric() != null && plan.metric().top() != null)
					|| (plan.events() != null && plan.events().top() != null && !ofEvents),
					"answer_type top without metric.top or events.top on a CI answer");
			case AGGREGATE -> require(plan.metric() != null && plan.metric().aggregate() != null,
					"answer_type aggregate without metric.aggregate");
			case GROUP -> require((ofEvents ? plan.eventGroup() : plan.groupBy()) != null && plan.metric() == null,
					"answer_type group without a field to group by, or with a metric");
			default -> require(plan.groupBy() == null && plan.eventGroup() == null,
					"a group field on a " + plan.answerType().key() + " answer");
		}
		return plan;
	}

	private static void require(boolean condition, String detail) {
		if (!condition) {
			throw new Rejected(Reason.INCONSISTENT, detail);
		}
	}

	/**
	 * A CI entity is also its type filter, as the offline reader writes it: the SQL reads only the filters, so
	 * "servers" without one would be every CI. A type filter that says otherwise contradicts the entity.
	 */
	private static List<Condition> typed(String entity, List<Condition> filters) {
		if (!CI_TYPES.contains(entity)) {
			return filters;
		}
		List<Condition> types = filters.stream().filter((c) -> c.field() == Field.TYPE).toList();
		require(types.stream().allMatch((c) -> !c.negated() && c.values().equals(List.of(entity))),
				"a type filter other than the entity " + entity);
		if (!types.isEmpty()) {
			return filters;
		}
		List<Condition> all = new ArrayList<>();
		all.add(new Condition(Field.TYPE, "=", List.of(entity), false, entity));
		all.addAll(filters);
		return all;
	}

	private static List<Condition> conditions(@Nullable Object node, CmdbValues values) {
		List<Condition> conditions = new ArrayList<>();
		List<?> items = list(node, "filters");
		for (int i = 0; i < items.size(); i++) {
			conditions.add(condition(items.get(i), "filters[" + i + "]", values));
		}
		return conditions;
	}

	private static Condition condition(@Nullable Object node, String path, CmdbValues values) {
		Map<String, @Nullable Object> condition = object(node, path, CONDITION);
		String key = text(condition, "field", path);
		Field field = field(key);
		String operator = text(condition, "operator", path);
		if (!OPERATORS.contains(operator)) {
			throw new Rejected(Reason.UNKNOWN_OPERATOR, path + ".operator '" + operator + "'");
		}
		List<?> given = list(condition.get("values"), path + ".values");
		if (given.isEmpty()) {
			throw new Rejected(Reason.SCHEMA, path + ".values is empty");
		}
		String from = optionalText(condition, "from", path);
		boolean negated = condition.get("negated") != null && bool(condition, "negated", path);
		return value(field, operator, given, values, negated, (from != null) ? from : key);
	}

	/**
	 * The condition with the values written as the SQL compares them: numbers for sizes, booleans for virtual,
	 * the CMDB's spelling for the rest (a {@code starts_with} on such a field becomes the list of values it
	 * covers, as the offline reader lists the OS values of a family).
	 */
	private static Condition value(Field field, String operator, List<?> given, CmdbValues values, boolean negated,
			String from) {
		String path = field.key();
		if (NUMERIC.contains(field)) {
			requireOperator(field, operator, given, "=", "<", "<=", ">", ">=");
			return new Condition(field, operator, List.of(number(given.get(0), path)), negated, from);
		}
		if (SINGLE.contains(field)) {
			requireOperator(field, operator, given, "=");
			return new Condition(field, operator, List.of(single(field, given.get(0), values)), negated, from);
		}
		if (field == Field.LOCATION) {
			// "in DC1" is a prefix of the location, whichever operator the model wrote
			requireOperator(field, operator, given, "starts_with", "=", "in");
			List<Object> prefixes = new ArrayList<>();
			for (Object value : given) {
				prefixes.add(known(field, scalar(value, path).replaceAll("-+$", ""), values) + "-");
			}
			return new Condition(field, "starts_with", prefixes, negated, from);
		}
		if (operator.equals("starts_with")) {
			requireOperator(field, operator, given, "starts_with");
			List<Object> covered = covered(field, scalar(given.get(0), path), values);
			return new Condition(field, "in", covered, negated, from);
		}
		requireOperator(field, operator, given, "=", "in");
		List<Object> spelled = new ArrayList<>();
		for (Object value : given) {
			spelled.add(known(field, scalar(value, path), values));
		}
		return new Condition(field, operator, spelled, negated, from);
	}

	/**
	 * The operator must be one the field takes; the single-value operators take exactly one value (a location's
	 * {@code starts_with} takes several prefixes, any of which matches).
	 */
	private static void requireOperator(Field field, String operator, List<?> given, String... allowed) {
		if (!Arrays.asList(allowed).contains(operator)) {
			throw new Rejected(Reason.UNKNOWN_OPERATOR, field.key() + " does not take '" + operator + "'");
		}
		if (!operator.equals("in") && !(field == Field.LOCATION && operator.equals("starts_with")) && given.size() > 1) {
			throw new Rejected(Reason.SCHEMA, field.key() + " " + operator + " takes one value, not " + given.size());
		}
	}

	private static Object single(Field field, @Nullable Object value, CmdbValues values) {
		String text = scalar(value, field.key());
		return switch (field) {
			case VIRTUAL -> {
				if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
					throw new Rejected(Reason.UNKNOWN_VALUE, "virtual '" + text + "' (true or false)");
				}
				yield Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
			}
			case IP_ADDRESS -> {
				if (!IPV4.matcher(text).matches()) {
					throw new Rejected(Reason.UNKNOWN_VALUE, "ip_address '" + text + "'");
				}
				yield text;
			}
			default -> known(field, text, values);
		};
	}

	/**
	 * A value as the CMDB spells it (compared case-insensitively): the fixed sets for type and status, the values
	 * the CMDB holds for the others. Owner and cost centre are compared lower- and upper-cased by the SQL.
	 */
	private static String known(Field field, String value, CmdbValues values) {
		List<String> candidates = switch (field) {
			case TYPE -> CI_TYPES;
			case STATUS -> STATUSES;
			default -> values.of(field);
		};
		String spelled = candidates.stream()
			.filter((v) -> v.equalsIgnoreCase(value.strip()))
			.findFirst()
			.orElseThrow(() -> new Rejected(Reason.UNKNOWN_VALUE, field.key() + " '" + value + "' is not in the CMDB"));
		return switch (field) {
			case OWNER -> spelled.toLowerCase(Locale.ROOT);
			case COST_CENTER -> spelled.toUpperCase(Locale.ROOT);
			default -> spelled;
		};
	}

	private static List<Object> covered(Field field, String prefix, CmdbValues values) {
		List<Object> covered = new ArrayList<>();
		for (String value : (field == Field.TYPE) ? CI_TYPES : (field == Field.STATUS) ? STATUSES : values.of(field)) {
			if (!prefix.isBlank() && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
				covered.add(known(field, value, values));
			}
		}
		if (covered.isEmpty()) {
			throw new Rejected(Reason.UNKNOWN_VALUE, field.key() + " starting with '" + prefix + "' is not in the CMDB");
		}
		return covered;
	}

	private static Field field(String key) {
		return Arrays.stream(Field.values())
			.filter((f) -> f != Field.SITE && f.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new Rejected(Reason.UNKNOWN_FIELD, "field '" + key + "'"));
	}

	private static Field groupField(String key) {
		Field field = Arrays.stream(Field.values())
			.filter((f) -> f.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new Rejected(Reason.UNKNOWN_FIELD, "group_by '" + key + "'"));
		if (!GROUPABLE.contains(field)) {
			throw new Rejected(Reason.UNKNOWN_FIELD, "group_by '" + key + "' cannot be grouped by");
		}
		return field;
	}

	private static QueryPlan.AnswerType answerType(String key) {
		return Arrays.stream(QueryPlan.AnswerType.values())
			.filter((t) -> t.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new Rejected(Reason.UNKNOWN_VALUE, "answer_type '" + key + "'"));
	}

	private static MetricClause metric(@Nullable Object node) {
		Map<String, @Nullable Object> metric = object(node, "metric", METRIC);
		String name = oneOf(text(metric, "metric", "metric"), METRICS, "metric.metric");
		String window = optionalText(metric, "window", "metric");
		String aggregation = optionalOneOf(metric, "aggregation", List.of("avg", "max"), "metric");
		String operator = optionalOneOf(metric, "operator", List.of(">", "<"), "metric");
		Double threshold = (metric.get("threshold") != null) ? number(metric.get("threshold"), "metric.threshold") : null;
		require((operator == null) == (threshold == null), "metric.operator and metric.threshold go together");
		if (threshold != null && threshold > 100) {
			throw new Rejected(Reason.UNKNOWN_VALUE, "metric.threshold " + threshold + " is not a percentage");
		}
		Integer top = (metric.get("top") != null) ? top(metric.get("top")) : null;
		boolean ascending = metric.get("ascending") != null && bool(metric, "ascending", "metric");
		String aggregate = optionalOneOf(metric, "aggregate", List.of("avg", "max", "min"), "metric");
		String from = optionalText(metric, "from", "metric");
		// a condition without an aggregation is on the window's average, as "high CPU" is
		return new MetricClause(name, (window != null) ? window(window, "metric.window") : MetricReader.DEFAULT_WINDOW,
				(operator != null && aggregation == null) ? "avg" : aggregation, operator, threshold, top, ascending,
				aggregate, (from != null) ? from : name);
	}

	private static Integer top(@Nullable Object value) {
		double top = number(value, "metric.top");
		if (top != Math.rint(top) || top < 1 || top > JdbcPlanQueries.MAX_ROWS) {
			throw new Rejected(Reason.UNKNOWN_VALUE, "metric.top " + value);
		}
		return (int) top;
	}

	private static EventClause events(@Nullable Object node, boolean ofCis, CmdbValues values) {
		Map<String, @Nullable Object> events = object(node, "events", EVENTS);
		List<String> severities = new ArrayList<>();
		for (Object severity : list(events.get("severities"), "events.severities")) {
			severities.add(oneOf(scalar(severity, "events.severities"), SEVERITIES, "events.severities"));
		}
		List<String> statuses = new ArrayList<>();
		for (Object status : list(events.get("statuses"), "events.statuses")) {
			statuses.add(oneOf(scalar(status, "events.statuses"), EVENT_STATUSES, "events.statuses"));
		}
		List<String> sources = new ArrayList<>();
		for (Object source : list(events.get("sources"), "events.sources")) {
			sources.add(oneOf(scalar(source, "events.sources"), values.eventSources(), "events.sources"));
		}
		String window = optionalText(events, "window", "events");
		Integer top = (events.get("top") != null) ? top(events.get("top")) : null;
		return new EventClause(severities, statuses, sources, (window != null) ? window(window, "events.window") : null,
				ofCis, top);
	}

	/**
	 * A hop through relationships. Its anchors must be CIs the question names, or software the CMDB holds: a model
	 * cannot make a CI up.
	 */
	private static RelationClause relation(@Nullable Object node, CmdbValues values) {
		Map<String, @Nullable Object> relation = object(node, "relation", RELATION);
		String answer = oneOf(text(relation, "answer", "relation"), List.of(RelationClause.SOURCES, RelationClause.TARGETS),
				"relation.answer");
		List<String> types = new ArrayList<>();
		for (Object type : list(relation.get("types"), "relation.types")) {
			types.add(oneOf(scalar(type, "relation.types"), RELATION_TYPES, "relation.types"));
		}
		require(!types.isEmpty(), "a relation without types");
		List<String> known = new ArrayList<>(values.of(Field.NAME));
		values.software().values().forEach(known::addAll);
		List<String> anchors = new ArrayList<>();
		for (Object anchor : list(relation.get("anchors"), "relation.anchors")) {
			anchors.add(oneOf(scalar(anchor, "relation.anchors"), known, "relation.anchors"));
		}
		require(!anchors.isEmpty(), "a relation without anchors");
		return new RelationClause(answer, types, anchors, bool(relation, "transitive", "relation"),
				text(relation, "from", "relation"));
	}

	/**
	 * An ISO-8601 duration back from {@code as_of}; P1W and P1M are read as 7 and 30 days, as "last week" and
	 * "last month" are.
	 */
	private static Duration window(String text, String path) {
		Duration window;
		try {
			window = Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				Period period = Period.parse(text);
				window = (period.getYears() == 0)
						? Duration.ofDays(period.getDays() + 30L * period.getMonths()) : Duration.ZERO;
			}
			catch (DateTimeParseException notPeriod) {
				throw new Rejected(Reason.UNKNOWN_VALUE, path + " '" + text + "' is not an ISO-8601 duration");
			}
		}
		if (window.isNegative() || window.isZero() || window.compareTo(LONGEST_WINDOW) > 0) {
			throw new Rejected(Reason.UNKNOWN_VALUE, path + " '" + text + "' is not a window of up to 10 years");
		}
		return window;
	}

	private static String oneOf(String value, List<String> allowed, String path) {
		return allowed.stream()
			.filter((a) -> a.equalsIgnoreCase(value.strip()))
			.findFirst()
			.orElseThrow(() -> new Rejected(Reason.UNKNOWN_VALUE, path + " '" + value + "'"));
	}

	private static @Nullable String optionalOneOf(Map<String, @Nullable Object> node, String property,
			List<String> allowed, String path) {
		String value = optionalText(node, property, path);
		return (value != null) ? oneOf(value, allowed, path + "." + property) : null;
	}

	// reading the reply's JSON: an object has only the schema's properties, each of the schema's type

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> object(@Nullable Object node, String path, Set<String> properties) {
		if (!(node instanceof Map<?, ?> map)) {
			throw new Rejected(Reason.SCHEMA, path + " is not an object");
		}
		for (Object key : map.keySet()) {
			if (!properties.contains(key)) {
				throw new Rejected(Reason.SCHEMA, path + " has no property '" + key + "'");
			}
		}
		return (Map<String, @Nullable Object>) map;
	}

	private static List<?> list(@Nullable Object node, String path) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof List<?> list)) {
			throw new Rejected(Reason.SCHEMA, path + " is not an array");
		}
		return list;
	}

	private static String text(Map<String, @Nullable Object> node, String property, String path) {
		String value = optionalText(node, property, path);
		if (value == null) {
			throw new Rejected(Reason.SCHEMA, path + "." + property + " is missing");
		}
		return value;
	}

	private static @Nullable String optionalText(Map<String, @Nullable Object> node, String property, String path) {
		Object value = node.get(property);
		if (value != null && !(value instanceof String)) {
			throw new Rejected(Reason.SCHEMA, path + "." + property + " is not a string");
		}
		return (String) value;
	}

	private static boolean bool(Map<String, @Nullable Object> node, String property, String path) {
		if (!(node.get(property) instanceof Boolean value)) {
			throw new Rejected(Reason.SCHEMA, path + "." + property + " is not a boolean");
		}
		return value;
	}

	/** A value of a condition: the schema asks for strings, but a number or boolean as such is read the same. */
	private static String scalar(@Nullable Object value, String path) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		throw new Rejected(Reason.SCHEMA, path + " has a value that is not a string, number or boolean");
	}

	private static double number(@Nullable Object value, String path) {
		try {
			double number = (value instanceof Number n) ? n.doubleValue() : Double.parseDouble(scalar(value, path).strip());
			if (Double.isFinite(number) && number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new Rejected(Reason.UNKNOWN_VALUE, path + " '" + value + "' is not a number of at least 0");
	}

	// the schema: what the model may answer, strict (every property required, nullable ones as anyOf null)

	private static JsonObjectSchema planSchema() {
		return JsonObjectSchema.builder()
			.addBooleanProperty("expressible", "false when the question asks what this plan cannot express")
			.addProperty("entity", enumOf(ENTITIES, "what the answer lists or counts"))
			.addProperty("answer_type", enumOf(Arrays.stream(QueryPlan.AnswerType.values()).map(QueryPlan.AnswerType::key)
				.toList(), null))
			.addProperty("filters", JsonArraySchema.builder().items(conditionSchema()).build())
			.addProperty("group_by", nullable(enumOf(GROUPABLE.stream().map(Field::key).toList(), null)))
			.addProperty("metric", nullable(metricSchema()))
			.addProperty("events", nullable(eventsSchema()))
			.addProperty("event_group", nullable(enumOf(EVENT_GROUPS, null)))
			.addProperty("relation", nullable(relationSchema()))
			.required(ordered(PLAN, "expressible", "entity", "answer_type", "filters", "group_by", "metric", "events",
					"event_group", "relation"))
			.additionalProperties(false)
			.build();
	}

	private static JsonObjectSchema conditionSchema() {
		return JsonObjectSchema.builder()
			.addProperty("field", enumOf(Arrays.stream(Field.values()).filter((f) -> f != Field.SITE).map(Field::key).toList(),
					null))
			.addProperty("operator", enumOf(OPERATORS, null))
			.addProperty("values", JsonArraySchema.builder().items(new JsonStringSchema()).build())
			.addBooleanProperty("negated")
			.addStringProperty("from", "the words of the question this filter was read from")
			.required(ordered(CONDITION, "field", "operator", "values", "negated", "from"))
			.additionalProperties(false)
			.build();
	}

	private static JsonObjectSchema metricSchema() {
		return JsonObjectSchema.builder()
			.addProperty("metric", enumOf(METRICS, null))
			.addProperty("window", nullable(JsonStringSchema.builder().description("ISO-8601 duration, e.g. P7D").build()))
			.addProperty("aggregation", nullable(enumOf(List.of("avg", "max"), "what the condition compares")))
			.addProperty("operator", nullable(enumOf(List.of(">", "<"), null)))
			.addProperty("threshold", nullable(JsonNumberSchema.builder().description("percent").build()))
			.addProperty("top", nullable(new JsonIntegerSchema()))
			.addBooleanProperty("ascending")
			.addProperty("aggregate", nullable(enumOf(List.of("avg", "max", "min"), "one figure over the set")))
			.addStringProperty("from")
			.required(ordered(METRIC, "metric", "window", "aggregation", "operator", "threshold", "top", "ascending",
					"aggregate", "from"))
			.additionalProperties(false)
			.build();
	}

	private static JsonObjectSchema eventsSchema() {
		return JsonObjectSchema.builder()
			.addProperty("severities", JsonArraySchema.builder().items(enumOf(SEVERITIES, null)).build())
			.addProperty("statuses", JsonArraySchema.builder().items(enumOf(EVENT_STATUSES, null)).build())
			.addProperty("sources", JsonArraySchema.builder().items(new JsonStringSchema()).build())
			.addProperty("window", nullable(JsonStringSchema.builder().description("ISO-8601 duration, e.g. PT24H").build()))
			.addProperty("top", nullable(JsonIntegerSchema.builder().description("the N CIs with the most events").build()))
			.required(ordered(EVENTS, "severities", "statuses", "sources", "window", "top"))
			.additionalProperties(false)
			.build();
	}

	private static JsonObjectSchema relationSchema() {
		return JsonObjectSchema.builder()
			.addProperty("answer", enumOf(List.of(RelationClause.SOURCES, RelationClause.TARGETS),
					"sources: the CIs whose relationships lead to the anchors; targets: where the anchors' lead"))
			.addProperty("types", JsonArraySchema.builder().items(enumOf(RELATION_TYPES, null)).build())
			.addProperty("anchors", JsonArraySchema.builder().items(new JsonStringSchema()).build())
			.addBooleanProperty("transitive", "follow the hops until nothing new is reached (impact)")
			.addStringProperty("from")
			.required(ordered(RELATION, "answer", "types", "anchors", "transitive", "from"))
			.additionalProperties(false)
			.build();
	}

	/** The properties in the order written, checked against the set the reply is read with, so the two agree. */
	private static List<String> ordered(Set<String> properties, String... order) {
		if (!properties.equals(Set.of(order))) {
			throw new IllegalStateException("schema and reader disagree on " + properties);
		}
		return List.of(order);
	}

	private static JsonEnumSchema enumOf(List<String> values, @Nullable String description) {
		JsonEnumSchema.Builder builder = JsonEnumSchema.builder().enumValues(values);
		return (description != null) ? builder.description(description).build() : builder.build();
	}

	private static JsonSchemaElement nullable(JsonSchemaElement element) {
		return JsonAnyOfSchema.builder().anyOf(element, new JsonNullSchema()).build();
	}

	/** Why a reply was refused; logged, and the offline reader answers instead. */
	enum Reason {

		/** No reply in time. */
		TIMEOUT,
		/** The call failed: no connection, an HTTP error, an empty reply. */
		FAILED,
		/** The reply is not JSON (or not an object). */
		MALFORMED,
		/** A property is missing, of the wrong type, or not in the schema. */
		SCHEMA,
		/** A filter or grouping on a field CIs do not have. */
		UNKNOWN_FIELD,
		/** An operator that does not exist, or that the field does not take. */
		UNKNOWN_OPERATOR,
		/** A value the CMDB does not hold, or outside the fixed sets (entity, status, metric, ...). */
		UNKNOWN_VALUE,
		/** Clauses that disagree (a top answer without a top N, a metric and events together, ...). */
		INCONSISTENT,
		/** The model said the question asks what the plan cannot express. */
		NOT_EXPRESSIBLE

	}

	/** A reply that is not a valid plan, with why. */
	static final class Rejected extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final Reason reason;

		Rejected(Reason reason, String detail) {
			// a refusal is an expected outcome, handled where it is caught: no stack trace to fill
			super(detail, null, false, false);
			this.reason = reason;
		}

		Reason reason() {
			return this.reason;
		}

	}

}
