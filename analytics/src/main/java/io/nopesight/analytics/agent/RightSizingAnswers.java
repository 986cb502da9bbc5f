package io.nopesight.analytics.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The cost answer: the right-sizing proposals, their total monthly saving, summary and reasoning.
 */
final class RightSizingAnswers {

	private RightSizingAnswers() {
	}

	static RightSizingAdvice advise(List<RightSizingProposal> proposals, Understood understood, @Nullable String type,
			Instant asOf, Duration history, String currency) {
		long saving = proposals.stream().mapToLong(RightSizingProposal::monthlySaving).sum();
		String summary = proposals.isEmpty() ? "No idle " + Nouns.plural(type) + " to right-size"
				: Nouns.count(proposals.size(), type) + ((proposals.size() == 1) ? " is" : " are")
						+ " underused: right-sizing saves " + saving + " " + currency + " a month";
		Double confidence = proposals.isEmpty() ? null
				: RightSizing.round2(proposals.stream().mapToDouble(RightSizingProposal::confidence).average().orElse(0));
		String reasoning = "Hourly CPU and memory use over the " + history.toDays() + " days up to " + asOf.truncatedTo(ChronoUnit.MINUTES)
				+ ": a resource whose 95th percentile is low enough that halved it stays well under the target is "
				+ "halved (not below the minimum size); the saving is the monthly price of what is removed";
		return new RightSizingAdvice(summary, proposals, confidence, reasoning, understood, asOf,
				(int) history.toDays(), saving, currency);
	}

}
