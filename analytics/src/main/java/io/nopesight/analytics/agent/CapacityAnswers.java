package io.nopesight.analytics.agent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.agent.BudgetChoice.Choice;
import io.nopesight.analytics.agent.BudgetChoice.Item;
import io.nopesight.analytics.agent.CapacityAdvice.Deferred;
import io.nopesight.analytics.agent.CapacityAdvice.Recommendation;
import io.nopesight.analytics.agent.CapacityPlanner.CiPlan;
import io.nopesight.analytics.agent.CapacityPlanner.Plan;
import io.nopesight.analytics.agent.CapacityPlanner.Upgrade;

/**
 * Turns a plan into the capacity answer: within a budget, the upgrades {@link BudgetChoice} picks, the rest
 * deferred with why; the CIs in order of their expected exhaustion; the summary and reasoning.
 */
final class CapacityAnswers {

	private static final Comparator<Upgrade> BY_RISK = Comparator.comparingDouble(Upgrade::risk)
		.reversed()
		.thenComparing((u) -> u.ci().name())
		.thenComparing(Upgrade::resource);

	private final String currency;

	CapacityAnswers(String currency) {
		this.currency = currency;
	}

	CapacityAdvice advise(Plan plan, Request request, List<RightSizingProposal> rightSizing) {
		List<Upgrade> upgrades = plan.upgrades().stream().sorted(BY_RISK).toList();
		Set<String> chosen;
		List<Deferred> deferred = new ArrayList<>();
		long spent = upgrades.stream().mapToLong(Upgrade::cost).sum();
		if (request.budget() != null) {
			long budget = (long) Math.floor(request.budget());
			Map<String, Upgrade> byKey = new HashMap<>();
			upgrades.forEach((u) -> byKey.put(u.key(), u));
			Choice choice = BudgetChoice.choose(upgrades.stream().map((u) -> new Item(u.key(), u.cost(), u.risk())).toList(),
					budget);
			chosen = choice.chosen().stream().map(Item::key).collect(Collectors.toSet());
			spent = choice.spent();
			for (Upgrade upgrade : upgrades) {
				if (!chosen.contains(upgrade.key())) {
					deferred.add(deferred(upgrade, budget, choice));
				}
			}
		}
		else {
			chosen = upgrades.stream().map(Upgrade::key).collect(Collectors.toSet());
		}
		List<Recommendation> details = plan.cis()
			.stream()
			.map((ci) -> recommendation(ci, chosen))
			.filter((r) -> r != null)
			.sorted(Comparator.comparing((Recommendation r) -> (r.projectedExhaustion() != null) ? r.projectedExhaustion() : "9999")
				.thenComparing(Comparator.comparingDouble(Recommendation::risk).reversed())
				.thenComparing(Recommendation::name))
			.toList();
		// how sure the upgrades are; with none, how sure the forecasts are that none is needed
		OptionalDouble mean = upgrades.isEmpty() ? plan.confidences().stream().mapToDouble(Double::doubleValue).average()
				: upgrades.stream().mapToDouble(Upgrade::confidence).average();
		Double confidence = mean.isPresent() ? Double.valueOf(RightSizing.round2(mean.getAsDouble())) : null;
		long needing = plan.cis().stream().filter((ci) -> !ci.upgrades().isEmpty()).count();
		long saving = rightSizing.stream().mapToLong(RightSizingProposal::monthlySaving).sum();
		return new CapacityAdvice(summary(plan, request, needing, upgrades.size(), chosen.size(), spent, rightSizing, saving),
				details, confidence, reasoning(plan, request), request.understood(), request.asOf(), request.horizonDays(),
				request.target(), request.budget(), details.stream().mapToLong(Recommendation::estimatedCost).sum(),
				this.currency, deferred, plan.unpredictable(), plan.watch(), rightSizing, saving, plan.cis().size(), plan.withoutData());
	}

	private static @Nullable Recommendation recommendation(CiPlan ci, Set<String> chosen) {
		List<Upgrade> upgrades = ci.upgrades().stream().filter((u) -> chosen.contains(u.key())).toList();
		if (upgrades.isEmpty()) {
			return null;
		}
		Map<String, String> recommended = new LinkedHashMap<>();
		upgrades.forEach((u) -> recommended.put(u.resource().key(), u.amount()));
		return new Recommendation(ci.ci().id(), ci.ci().name(), ci.ci().environment(), ci.current(),
				(ci.projectedExhaustion() != null) ? ci.projectedExhaustion().toString() : null, recommended,
				upgrades.stream().mapToLong(Upgrade::cost).sum(),
				RightSizing.round2(upgrades.stream().mapToDouble(Upgrade::confidence).average().orElse(0)),
				Math.round(upgrades.stream().mapToDouble(Upgrade::risk).sum() * 10_000) / 10_000.0,
				String.join("; ", upgrades.stream().map(Upgrade::reasoning).toList()), ci.outlook());
	}

	private Deferred deferred(Upgrade upgrade, long budget, Choice choice) {
		String reason = (upgrade.cost() > budget)
				? "costs " + upgrade.cost() + " " + this.currency + ", more than the whole budget of " + budget
				: "the budget of " + budget + " " + this.currency + " went to upgrades that avert more risk ("
						+ choice.spent() + " spent, " + (budget - choice.spent()) + " left; this one needs "
						+ upgrade.cost() + " for a risk of " + upgrade.risk() + ")";
		return new Deferred(upgrade.ci().id(), upgrade.ci().name(), upgrade.resource().key(), upgrade.amount(),
				upgrade.cost(), upgrade.risk(), (upgrade.exhaustion() != null) ? upgrade.exhaustion().toString() : null,
				reason);
	}

	private String summary(Plan plan, Request request, long needing, int upgrades, int chosen, long spent,
			List<RightSizingProposal> rightSizing, long saving) {
		StringBuilder summary = new StringBuilder();
		if (needing == 0) {
			summary.append("No ").append(Nouns.plural(request.ciType())).append(" need capacity upgrades in the next ")
				.append(request.horizonDays()).append(" days at a ").append(RightSizing.percent(request.target()))
				.append(" target");
		}
		else {
			summary.append(Nouns.count(needing, request.ciType()))
				.append((needing == 1) ? " requires" : " require")
				.append(" capacity upgrades based on growth projections");
			if (request.budget() != null) {
				summary.append("; ").append(chosen).append(" of ").append(upgrades).append(" upgrades fit the budget of ")
					.append((long) Math.floor(request.budget())).append(' ').append(this.currency).append(" (")
					.append(spent).append(" spent), ").append(upgrades - chosen).append(" deferred");
			}
		}
		if (!plan.watch().isEmpty()) {
			summary.append("; ").append(plan.watch().size()).append(" more to watch (only the upper 80% bound passes ")
				.append(RightSizing.percent(request.target())).append(')');
		}
		if (!plan.unpredictable().isEmpty()) {
			summary.append("; ").append(plan.unpredictable().size()).append(" series could not be forecast");
		}
		if (request.understood().intents().contains("cost") && !rightSizing.isEmpty()) {
			summary.append("; ").append(Nouns.count(rightSizing.size(), request.ciType()))
				.append(" could be right-sized, saving ").append(saving).append(' ').append(this.currency)
				.append(" a month");
		}
		return summary.toString();
	}

	private static String reasoning(Plan plan, Request request) {
		return "Forecast " + String.join(", ", request.understood().resources()) + " use of "
				+ Nouns.count(plan.cis().size(), request.ciType()) + " over " + request.horizonDays()
				+ " days from their history up to " + LocalDate.ofInstant(request.asOf(), ZoneOffset.UTC)
				+ ", each series with the model that backtested best; where the expected use passes "
				+ RightSizing.percent(request.target()) + ", an upgrade keeps the upper 80% bound under it"
				+ ((request.budget() != null) ? "; within the budget, the upgrades that avert the most risk (probability "
						+ "of reaching 100% x urgency x the forecast's confidence) are chosen exactly (0/1 knapsack)" : "");
	}

	/**
	 * What the answer is for: the question as understood, its moment, horizon, target and budget.
	 */
	record Request(Understood understood, @Nullable String ciType, Instant asOf, int horizonDays, double target,
			@Nullable Double budget) {
	}

}
