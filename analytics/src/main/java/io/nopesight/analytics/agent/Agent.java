package io.nopesight.analytics.agent;

import java.util.List;

/**
 * An agent: its stable id ({@code agent_…}), name, type, status, what it can do and how it has done.
 */
public record Agent(String id, String name, String type, String status, List<String> capabilities,
		AgentPerformance performance) {

	public Agent {
		capabilities = List.copyOf(capabilities);
	}

}
