package io.nopesight.analytics.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.FleetForecastRequest;
import io.nopesight.analytics.Forecasts;
import io.nopesight.analytics.agent.CapacityPlanner.Plan;
import io.nopesight.analytics.agent.TimeRanges.Horizon;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;

/**
 * The Infrastructure Optimizer: reads a capacity or cost question, forecasts the CIs it is about through
 * {@link Forecasts} (one fleet call per thousand CIs) and answers with sized, priced upgrades chosen within the
 * budget, and right-sizing proposals from the CIs' hourly history.
 */
@Component
class InfrastructureOptimizer implements Advisor {

	static final String ID = "agent_infrastructure_optimizer";

	static final List<String> EXAMPLES = List.of("What servers need capacity upgrades next quarter?",
			"Which production servers will run out of disk in the next 60 days?",
			"Which databases need memory upgrades next month?", "Which idle servers can we right-size to save cost?",
			"Will PROD-DB-03 run out of storage next month?");

	private static final int READ_CHUNK = 200;

	private final CiSelection selection;

	private final Forecasts forecasts;

	private final MetricStore metrics;

	private final AgentSettings settings;

	private final Clock clock;

	private final PriceList prices;

	InfrastructureOptimizer(CiSelection selection, Forecasts forecasts, MetricStore metrics, AgentSettings settings,
			Clock clock) {
		this.selection = selection;
		this.forecasts = forecasts;
		this.metrics = metrics;
		this.settings = settings;
		this.clock = clock;
		this.prices = new PriceList(settings);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String name() {
		return "Infrastructure Optimizer";
	}

	@Override
	public String type() {
		return "infrastructure";
	}

	@Override
	public List<String> capabilities() {
		return List.of("capacity_planning", "cost_optimization", "budget_planning");
	}

	@Override
	public Answer answer(AgentQuestion question) {
		Words words = Words.of(question.query());
		List<String> intents = new ArrayList<>();
		if (words.any(Vocabulary.CAPACITY)) {
			intents.add("capacity");
		}
		if (words.any(Vocabulary.COST)) {
			intents.add("cost");
		}
		if (intents.isEmpty()) {
			throw new QuestionNotUnderstoodException(ID, "The Infrastructure Optimizer reads capacity questions "
					+ "(upgrade, run out, exhaust, full, capacity) and cost questions (cost, save, idle, underutilised, "
					+ "right-size, oversized); this question asks for neither", EXAMPLES);
		}
		Horizon horizon = TimeRanges.ahead(question.timeRange(), question.query());
		double target = target(question);
		if (question.budgetLimit() != null && (question.budgetLimit() < 0 || question.budgetLimit().isInfinite())) {
			throw new InvalidInputException("context.budget_limit", "budget_limit must be a number of at least 0");
		}
		Double budget = (question.budgetLimit() != null) ? question.budgetLimit() : Budgets.read(question.query());
		Instant asOf = (question.asOf() != null) ? question.asOf() : this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		CiSelection.Selection selected = this.selection.select(words);
		List<Resource> resources = Vocabulary.resources(words);
		if (resources.isEmpty() || !intents.contains("capacity")) {
			resources = List.of(Resource.values());
		}
		Understood understood = new Understood(intents, selected.type(), selected.environment(),
				resources.stream().map(Resource::key).toList(), selected.named(), horizon.label(), budget);
		List<RightSizingProposal> rightSizing = rightSizing(selected.cis(), asOf);
		if (!intents.contains("capacity")) {
			return new Answer(RightSizingAnswers.advise(rightSizing, understood, selected.type(), asOf,
					this.settings.rightSizing().history(), this.prices.currency()), intents, asOf, List.of());
		}
		Plan plan = new CapacityPlanner(this.prices).plan(selected.cis(),
				forecasts(selected.cis(), resources, horizon, asOf), resources, target, asOf, horizon.days());
		CapacityAdvice advice = new CapacityAnswers(this.prices.currency()).advise(plan,
				new CapacityAnswers.Request(understood, selected.type(), asOf, horizon.days(), target, budget),
				rightSizing);
		return new Answer(advice, intents, asOf, Prediction.of(plan.upgrades(), asOf, horizon.days()));
	}

	private double target(AgentQuestion question) {
		Double target = question.targetUtilization();
		if (target == null) {
			return this.settings.targetUtilization();
		}
		if (target.isNaN() || target < 10 || target > 95) {
			throw new InvalidInputException("context.target_utilization",
					"target_utilization is a percentage from 10 to 95, e.g. 75");
		}
		return target;
	}

	private Map<String, Map<Resource, CapacityForecast>> forecasts(List<CiFacts> cis, List<Resource> resources,
			Horizon horizon, Instant asOf) {
		Map<String, Map<Resource, CapacityForecast>> byCi = new HashMap<>();
		List<String> metricNames = resources.stream().map(Resource::metric).toList();
		for (int i = 0; i < cis.size(); i += FleetForecastRequest.MAX_CIS) {
			List<String> ids = cis.subList(i, Math.min(cis.size(), i + FleetForecastRequest.MAX_CIS))
				.stream()
				.map(CiFacts::id)
				.toList();
			FleetForecastRequest request = new FleetForecastRequest(ids, null, null, metricNames,
					Duration.ofDays(horizon.days()), null, asOf, null);
			for (CapacityForecast forecast : this.forecasts.forecast(request).forecasts()) {
				Resource.ofMetric(forecast.metric())
					.ifPresent((resource) -> byCi.computeIfAbsent(forecast.ciId(), (k) -> new EnumMap<>(Resource.class))
						.put(resource, forecast));
			}
		}
		return byCi;
	}

	private List<RightSizingProposal> rightSizing(List<CiFacts> cis, Instant asOf) {
		Duration history = this.settings.rightSizing().history();
		Map<String, double[]> cpu = hourly(cis, Resource.CPU.metric(), asOf.minus(history), asOf);
		Map<String, double[]> memory = hourly(cis, Resource.MEMORY.metric(), asOf.minus(history), asOf);
		RightSizing rules = new RightSizing(this.settings, this.prices);
		List<RightSizingProposal> proposals = new ArrayList<>();
		for (CiFacts ci : cis) {
			RightSizingProposal proposal = rules.propose(ci, cpu.getOrDefault(ci.id(), new double[0]),
					memory.getOrDefault(ci.id(), new double[0]), history.toHours());
			if (proposal != null) {
				proposals.add(proposal);
			}
		}
		return RightSizing.bySaving(proposals);
	}

	private Map<String, double[]> hourly(List<CiFacts> cis, String metric, Instant from, Instant to) {
		Map<String, double[]> values = new HashMap<>();
		for (int i = 0; i < cis.size(); i += READ_CHUNK) {
			List<String> ids = cis.subList(i, Math.min(cis.size(), i + READ_CHUNK)).stream().map(CiFacts::id).toList();
			for (MetricSeries series : this.metrics
				.read(new MetricSeriesQuery(ids, metric, from, to, MetricStep.HOUR, MetricAggregation.AVG))) {
				double[] points = series.points().stream().mapToDouble(MetricSeries.Point::value).toArray();
				values.merge(series.ciId(), points, InfrastructureOptimizer::concat);
			}
		}
		return values;
	}

	private static double[] concat(double[] a, double[] b) {
		double[] both = new double[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
