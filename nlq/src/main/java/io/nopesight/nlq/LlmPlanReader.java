package io.nopesight.nlq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import io.nopesight.nlq.Condition.Field;

/**
 * Asks an OpenAI-compatible model for a question's plan, as JSON in the plan's schema, and uses it only when
 * {@link PlanJson} finds it valid against the schema and the CMDB's values. A refused, slow or failed reply is
 * logged with its reason and the offline reader answers instead: the model can make the answer better, never
 * make it unsafe or unavailable.
 */
class LlmPlanReader {

	private static final Logger logger = LoggerFactory.getLogger(LlmPlanReader.class);

	// the most values of one field told to the model: enough for the estate's vocabulary, a bounded prompt
	private static final int MAX_VALUES = 200;

	private static final String INSTRUCTIONS = """
			You read an IT analyst's question about the estate (a CMDB with metrics and events) into a query plan, \
			answered only as JSON in the given schema. Use only the fields, operators and values named here, spelled \
			as listed; never invent one. If the question asks anything the plan cannot express (predictions, anything \
			not below), answer with expressible false.
			- entity: what is listed or counted: server (also machines, hosts, boxes, VMs), workstation (desktops, \
			laptops), application (apps), database, software (packages), network_device (switches, firewalls, \
			routers, load balancers), ci (any type), event (the events, alerts, alarms or incidents themselves).
			- filters, on CIs (with entity event: on the CIs the events are on): type and status (active, inactive, \
			maintenance) with "=" or "in"; environment, department, cost_center, owner, os, manufacturer, engine, \
			name and role with "=" or "in" and values from the lists below; location with "starts_with" and one or \
			more prefixes below (any of them); memory_gb, disk_gb (in GB, 1 TB = 1000) and cpu_cores with "=", "<", "<=", ">" or ">=" and one \
			number; virtual "=" "true" for VMs and virtual machines, "false" for physical ones; ip_address "=" an \
			IPv4 address. negated is true for not, non-, outside, except, excluding, without. from: the words of \
			the question the filter was read from.
			- answer_type: list; count (how many); group (by a field: group_by, or event_group for events); top \
			(top N by a metric's average: metric.top); aggregate (the average, highest or lowest of a metric: \
			metric.aggregate avg, max or min).
			- metric: cpu_usage (CPU, processor, load), memory_usage (memory, RAM), disk_usage (disk, storage, \
			space), over window, an ISO-8601 duration back from now (last week P7D, last 24 hours or yesterday \
			PT24H, last month P30D; none said: P7D). high, busy, running hot: aggregation avg, operator ">", \
			threshold 80; low, idle, underutilized: avg "<" 20; above or below N%: avg with N; peaked or spiked \
			above N: max ">" N. ascending true when the lowest come first.
			- events: severities, statuses (open, acknowledged, resolved), sources from the list below, window \
			(null: all time). With a CI entity and events, the answer is the CIs that have such events; events.top \
			N with answer_type top ranks them by their number of events.
			- relation: a hop from named CIs (anchors, as spelled in the name list or the software list). "what \
			runs on H": answer sources, types [runs_on], anchors [H]. "which servers host A", "where does A run": \
			targets, [runs_on]. "what depends on D", "which applications use D": sources, [depends_on]. "what does A \
			depend on": targets, [depends_on]. "what is impacted if X fails", "blast radius of X": sources, \
			[runs_on, depends_on], transitive true. "servers with S installed": targets, [installed_on], anchors \
			every software CI of that product (and version, when given).
			Values the CMDB holds:
			""";

	private final ChatModel model;

	private final Duration timeout;

	LlmPlanReader(LlmSettings settings) {
		Assert.state(settings.enabled(), "nopesight.nlq.llm.base-url is not set");
		Assert.hasText(settings.model(),
				"nopesight.nlq.llm.model (NOPESIGHT_LLM_MODEL) is required when nopesight.nlq.llm.base-url is set");
		Assert.isTrue(settings.timeout().compareTo(Duration.ZERO) > 0, "nopesight.nlq.llm.timeout must be positive");
		this.timeout = settings.timeout();
		this.model = OpenAiChatModel.builder()
			.baseUrl(settings.baseUrl())
			.modelName(settings.model())
			// Ollama wants none: an empty NOPESIGHT_LLM_API_KEY sends no Authorization header
			.apiKey(StringUtils.hasText(settings.apiKey()) ? settings.apiKey() : null)
			.temperature(0.0)
			.strictJsonSchema(true)
			.timeout(settings.timeout())
			// the offline reader is the fallback: a retry would only make a slow or failing model slower to skip
			.maxRetries(0)
			.build();
	}

	/** The model's plan when it is valid, else the offline reader's (which may refuse the question). */
	SourcedPlan read(String question, CmdbValues values) {
		return read(question, values, null);
	}

	/** The model's plan, or the offline reader's (with the names found beforehand, when given). */
	SourcedPlan read(String question, CmdbValues values, java.util.@org.jspecify.annotations.Nullable List<NameMention> mentions) {
		try {
			return new SourcedPlan(PlanJson.plan(ask(question, values), values), "llm");
		}
		catch (PlanJson.Rejected ex) {
			logger.info("LLM plan refused ({}): {}; the question is read offline", ex.reason(), ex.getMessage());
			return (mentions != null) ? SourcedPlan.offline(question, values, mentions)
					: SourcedPlan.offline(question, values);
		}
	}

	private String ask(String question, CmdbValues values) {
		ChatRequest request = ChatRequest.builder()
			.messages(SystemMessage.from(instructions(values)), UserMessage.from(question))
			.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(PlanJson.SCHEMA).build())
			.build();
		String reply;
		try {
			reply = this.model.chat(request).aiMessage().text();
		}
		catch (TimeoutException ex) {
			throw new PlanJson.Rejected(PlanJson.Reason.TIMEOUT, "no reply within " + this.timeout);
		}
		catch (RuntimeException ex) {
			throw new PlanJson.Rejected(PlanJson.Reason.FAILED, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		if (reply == null || reply.isBlank()) {
			throw new PlanJson.Rejected(PlanJson.Reason.FAILED, "an empty reply");
		}
		return reply;
	}

	/** The plan's vocabulary, and the values the CMDB holds now, so that the model spells them as the CMDB does. */
	static String instructions(CmdbValues values) {
		StringBuilder text = new StringBuilder(INSTRUCTIONS);
		for (Map.Entry<Field, List<String>> field : new TreeMap<>(values.values()).entrySet()) {
			String name = (field.getKey() == Field.NAME) ? "name (the CIs the question names)"
					: (field.getKey() == Field.LOCATION) ? "location prefixes" : field.getKey().key();
			text.append(line(name, field.getValue()));
		}
		List<String> software = new java.util.ArrayList<>();
		values.software().values().forEach(software::addAll);
		return text.append(line("event sources", values.eventSources())).append(line("software", software)).toString();
	}

	private static String line(String name, List<String> values) {
		List<String> told = values.subList(0, Math.min(values.size(), MAX_VALUES));
		String more = (values.size() > told.size()) ? " (and " + (values.size() - told.size()) + " more)" : "";
		return name + ": " + (told.isEmpty() ? "(none)" : String.join(", ", told)) + more + "\n";
	}

}
