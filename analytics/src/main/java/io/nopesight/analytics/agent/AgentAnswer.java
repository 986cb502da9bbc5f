package io.nopesight.analytics.agent;

/**
 * An agent's answer: which agent, and what it found.
 */
public record AgentAnswer(String agentId, AgentResponse response) {
}
