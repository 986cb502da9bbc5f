/**
 * The agents over HTTP: the list with each agent's performance, and questions to an agent.
 */
@NullMarked
package io.nopesight.api.agent;

import org.jspecify.annotations.NullMarked;
