/**
 * The agents: the Infrastructure Optimizer (capacity upgrades sized from forecasts and chosen within a budget,
 * right-sizing of idle servers) and the Event Analyst (open incidents with their likely root cause, the
 * noisiest sources and CIs). {@link io.nopesight.analytics.agent.Agents} and its records are the interface;
 * the question reading, sizing, budget choice and the decisions table are internal.
 */
@NullMarked
package io.nopesight.analytics.agent;

import org.jspecify.annotations.NullMarked;
