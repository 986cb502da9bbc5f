package io.nopesight.analytics.agent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The Infrastructure Optimizer's cost answer: idle CIs to right-size, with what each saves a month.
 */
public record RightSizingAdvice(String summary, List<RightSizingProposal> details, @Nullable Double confidence,
		String reasoning, Understood understood, Instant asOf, int historyDays, long monthlySaving, String currency)
		implements AgentResponse {

	public RightSizingAdvice {
		details = List.copyOf(details);
	}

}
