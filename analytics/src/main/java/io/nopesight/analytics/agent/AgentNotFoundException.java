package io.nopesight.analytics.agent;

import io.nopesight.core.NotFoundException;

/**
 * Thrown when no agent has the id asked for.
 */
public class AgentNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public AgentNotFoundException(String id) {
		super("Agent not found: " + id);
	}

}
