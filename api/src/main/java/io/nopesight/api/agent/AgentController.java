package io.nopesight.api.agent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.analytics.agent.Agents;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;

/**
 * The agents: the list with their performance, and questions in plain English.
 */
@Tag(name = "AI Agents")
@RestController
class AgentController {

	private final Agents agents;

	AgentController(Agents agents) {
		this.agents = agents;
	}

	@GetMapping("/v1/agents")
	@RequiredScope("agents.query")
	@Operation(summary = "List the agents with their performance",
			description = "`decisions_made` counts the answers given; `success_rate` is the share of checked capacity "
					+ "predictions whose measured value fell inside the 80% interval given (null until a check time "
					+ "has data); `avg_confidence` the mean confidence of the answers.")
	AgentList list() {
		return new AgentList(this.agents.list().stream().map(AgentDescription::from).toList());
	}

	@PostMapping("/v1/agents/{id}/query")
	@RequiredScope("agents.query")
	@Operation(summary = "Ask an agent a question",
			description = "`agent_infrastructure_optimizer` answers capacity questions (upgrades sized from forecasts, "
					+ "chosen within `context.budget_limit`) and cost questions (right-sizing idle CIs); "
					+ "`agent_event_analyst` answers questions on open incidents, root causes and noisy sources. "
					+ "`context.time_range`: `next_month`, `next_quarter`, `next_year` or days ahead (`last_week`, "
					+ "`last_month` or days back for events); `context.as_of` answers as of a past moment. A question "
					+ "the agent cannot read is answered 422 `QUERY_NOT_UNDERSTOOD` with examples it does read.")
	AgentQueryResponse query(@PathVariable String id, @RequestBody(required = false) @Nullable AgentQueryRequest request) {
		if (request == null) {
			throw new InvalidInputException("query", "query is required: a question in plain English");
		}
		return AgentQueryResponse.from(this.agents.query(id, request.toQuestion()));
	}

}
