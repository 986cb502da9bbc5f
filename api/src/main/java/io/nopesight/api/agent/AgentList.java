package io.nopesight.api.agent;

import java.util.List;

/**
 * The agents, {@code {"data": [...]}}, as the reference shows the list (two agents: no pages).
 */
record AgentList(List<AgentDescription> data) {
}
