package io.nopesight.api.agent;

import io.nopesight.analytics.agent.AgentAnswer;
import io.nopesight.analytics.agent.AgentResponse;

/**
 * An agent's answer as the reference shows it, {@code {"agent_id": …, "response": {summary, details, confidence,
 * reasoning, …}}}; the response is the agent's own record (a capacity, right-sizing or events answer), which is
 * already shaped for clients (percent strings, dates, costs).
 */
record AgentQueryResponse(String agentId, AgentResponse response) {

	static AgentQueryResponse from(AgentAnswer answer) {
		return new AgentQueryResponse(answer.agentId(), answer.response());
	}

}
