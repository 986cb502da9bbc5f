package io.nopesight.analytics.agent;

import java.util.List;

/**
 * The agents and their answers. Every answer is recorded as a decision; the capacity recommendations among
 * them are checked against the metrics that arrive later, which is what {@link AgentPerformance} reports.
 */
public interface Agents {

	/**
	 * Every agent with its performance so far (recommendations whose check time has data are checked first).
	 */
	List<Agent> list();

	/**
	 * Answers a plain-English question.
	 * @throws AgentNotFoundException when there is no agent {@code agentId}
	 * @throws QuestionNotUnderstoodException when the question asks for nothing the agent can read, with examples
	 * of what it does read
	 * @throws io.nopesight.core.InvalidInputException naming the context field that is wrong
	 */
	AgentAnswer query(String agentId, AgentQuestion question);

}
