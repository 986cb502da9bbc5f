package io.nopesight.analytics.agent;

import org.jspecify.annotations.Nullable;

/**
 * How an agent has done: {@code decisionsMade}, the answers it gave; {@code successRate}, of its capacity
 * predictions whose check time has since been measured, the share whose actual value fell inside the 80%
 * interval it gave (null while none could be checked, and for an agent that predicts nothing);
 * {@code avgConfidence}, the mean confidence of its answers (null before the first).
 */
public record AgentPerformance(long decisionsMade, @Nullable Double successRate, @Nullable Double avgConfidence,
		long predictionsChecked) {
}
