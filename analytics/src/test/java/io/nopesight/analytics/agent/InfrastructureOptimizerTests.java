package io.nopesight.analytics.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemStatus;
import io.nopesight.core.cmdb.ListedConfigurationItem;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class InfrastructureOptimizerTests {

	private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

	private final CmdbManagement cmdb = mock(CmdbManagement.class);

	private final MetricStore metrics = mock(MetricStore.class);

	private final FakeForecasts forecasts = new FakeForecasts();

	private final List<ConfigurationItem> estate = new ArrayList<>();

	private InfrastructureOptimizer optimizer;

	@BeforeEach
	void estate() {
		this.estate.add(server("ci_db03", "PROD-DB-03", "production", 32, 256, 2000));
		this.estate.add(server("ci_flat", "PROD-APP-07", "production", 16, 64, 500));
		this.estate.add(server("ci_idle", "PROD-BATCH-01", "production", 16, 128, 500));
		this.estate.add(server("ci_noisy", "STG-APP-03", "staging", 4, 16, 100));
		// the disk of PROD-DB-03 grows half a point a day from 90.8%: 100% between day 18 and 19
		this.forecasts.line("ci_db03", "disk_usage", 90.8, 0.5, 2, 0.4)
			.line("ci_db03", "cpu_usage", 7, 0, 3, 0.8)
			.line("ci_db03", "memory_usage", 48, 0, 3, 0.6)
			.line("ci_flat", "cpu_usage", 40, 0, 5, 0.9)
			.line("ci_flat", "memory_usage", 45, 0, 3, 0.7)
			.line("ci_flat", "disk_usage", 38, 0.01, 1, 0.5)
			.line("ci_idle", "cpu_usage", 6, 0, 2, 0.9)
			.line("ci_idle", "memory_usage", 20, 0, 2, 0.9)
			.line("ci_idle", "disk_usage", 47, 0, 1, 0.9)
			.line("ci_noisy", "cpu_usage", 46, 0, 10, 1.1)
			.line("ci_noisy", "memory_usage", 30, 0, 5, 1.1)
			.unpredictable("ci_noisy", "disk_usage", "level shifts: no model backtests better than the naive forecast");
		given(this.cmdb.list(any()))
			.willAnswer((call) -> new Page<>(this.estate.stream().map((ci) -> new ListedConfigurationItem(ci, 0)).toList(),
					this.estate.size(), 1, 100));
		given(this.cmdb.findByName(any())).willReturn(List.of());
		given(this.metrics.read(any())).willAnswer((call) -> history(call.getArgument(0)));
		this.optimizer = new InfrastructureOptimizer(new CiSelection(this.cmdb), this.forecasts, this.metrics,
				AgentSettings.defaults(), Clock.fixed(AS_OF, ZoneOffset.UTC));
	}

	@Test
	void answerWhenADiskGrowsRecommendsItWithItsExhaustionDateAndNotTheFlatOnes() {
		// when
		Advisor.Answer answer = this.optimizer.answer(question("Which servers need capacity upgrades?", "next_quarter", null));
		// then
		CapacityAdvice advice = (CapacityAdvice) answer.response();
		assertThat(advice.details()).extracting(CapacityAdvice.Recommendation::name).containsExactly("PROD-DB-03");
		CapacityAdvice.Recommendation db03 = advice.details().get(0);
		// daily points from 90 days on: the first at or over 100% is day 19
		assertThat(db03.projectedExhaustion()).isEqualTo("2026-11-20");
		// the upper bound peaks at 90.8 + 45 + 2 = 137.8% of 2000 GB: 2756 GB, 75% of 3675 GB, so +1700 GB
		assertThat(db03.recommendedUpgrade()).containsExactly(Map.entry("storage", "+1700GB"));
		assertThat(db03.estimatedCost()).isEqualTo(1700 * 15);
		assertThat(db03.currentCapacity()).containsEntry("storage", "91%").containsEntry("cpu", "7%");
		assertThat(db03.confidence()).isEqualTo(0.71);
		assertThat(db03.reasoning()).contains("LinearTrend", "trend +0.50/day", "no seasonality", "2026-11-20");
		assertThat(advice.summary()).startsWith("1 server requires capacity upgrades based on growth projections");
		assertThat(advice.unpredictable()).extracting(UnpredictableSeries::name, UnpredictableSeries::metric)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("STG-APP-03", "disk_usage"));
		assertThat(advice.rightSizing()).extracting(RightSizingProposal::name).containsExactly("PROD-BATCH-01");
		assertThat(advice.understood().intents()).containsExactly("capacity");
		assertThat(answer.predictions()).extracting(Prediction::ciId, Prediction::metric)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("ci_db03", "disk_usage"));
		assertThat(answer.predictions()).extracting(Prediction::checkAt)
			.containsExactly(AS_OF.plus(Duration.ofDays(7)), AS_OF.plus(Duration.ofDays(90)));
		assertThat(this.forecasts.requests.get(0).asOf()).isEqualTo(AS_OF);
		assertThat(this.forecasts.requests.get(0).horizon()).isEqualTo(Duration.ofDays(90));
	}

	@Test
	void answerWhenTheBudgetFitsOneOfTwoUpgradesKeepsTheRiskierAndDefersTheOther() {
		// given: a web server whose CPU peak passes 75% but never nears 100%
		this.estate.add(server("ci_web05", "PROD-WEB-05", "production", 8, 16, 250));
		this.forecasts.line("ci_web05", "cpu_usage", 70, 0.1, 5, 0.5)
			.line("ci_web05", "memory_usage", 50, 0, 3, 0.5)
			.line("ci_web05", "disk_usage", 50, 0, 3, 0.5);
		// when
		CapacityAdvice advice = (CapacityAdvice) this.optimizer
			.answer(question("What servers need capacity upgrades?", "next_quarter", 26_000.0))
			.response();
		// then
		assertThat(advice.details()).extracting(CapacityAdvice.Recommendation::name).containsExactly("PROD-DB-03");
		assertThat(advice.totalCost()).isEqualTo(25_500);
		assertThat(advice.deferred()).singleElement().satisfies((deferred) -> {
			assertThat(deferred.name()).isEqualTo("PROD-WEB-05");
			assertThat(deferred.upgrade()).isEqualTo("+2 vCPU");
			assertThat(deferred.reason()).contains("avert more risk", "500 left", "needs 1000");
		});
		assertThat(advice.summary()).isEqualTo("2 servers require capacity upgrades based on growth projections; 1 of 2 "
				+ "upgrades fit the budget of 26000 USD (25500 spent), 1 deferred; 1 series could not be forecast");
	}

	@Test
	void answerWhenOnlyTheBandPassesTheTargetWatchesInsteadOfUpgrading() {
		// given: CPU expected flat at 24% whose 80% band, widened by a few spikes, reaches 95%
		this.estate.add(server("ci_app12", "PROD-APP-12", "production", 8, 32, 1000));
		this.forecasts.line("ci_app12", "cpu_usage", 24, 0, 71, 0.04)
			.line("ci_app12", "memory_usage", 38, 0, 1, 0.6)
			.line("ci_app12", "disk_usage", 57, 0, 1, 0.1);
		// when
		CapacityAdvice advice = (CapacityAdvice) this.optimizer
			.answer(question("Which servers need capacity upgrades?", "next_quarter", null))
			.response();
		// then
		assertThat(advice.details()).extracting(CapacityAdvice.Recommendation::name).containsExactly("PROD-DB-03");
		assertThat(advice.watch()).singleElement().satisfies((watch) -> {
			assertThat(watch.name()).isEqualTo("PROD-APP-12");
			assertThat(watch.expectedPeak()).isEqualTo(24);
			assertThat(watch.peakUpper80()).isEqualTo(95);
			assertThat(watch.reason()).startsWith("expected to peak at 24%, under the 75% target");
		});
		assertThat(advice.summary()).contains("; 1 more to watch (only the upper 80% bound passes 75%)");
	}

	@Test
	void answerWhenTheBudgetIsBelowAnUpgradeDefersItAsTooDear() {
		// when
		CapacityAdvice advice = (CapacityAdvice) this.optimizer
			.answer(question("Which servers will run out of disk?", "next_quarter", 10_000.0))
			.response();
		// then
		assertThat(advice.details()).isEmpty();
		assertThat(advice.deferred()).singleElement()
			.satisfies((deferred) -> assertThat(deferred.reason()).contains("more than the whole budget of 10000"));
		assertThat(advice.understood().resources()).containsExactly("storage");
	}

	@Test
	void answerWhenQuestionNamesAnEnvironmentForecastsOnlyItsCis() {
		// when
		CapacityAdvice advice = (CapacityAdvice) this.optimizer
			.answer(question("Which staging servers need upgrades next month?", null, null))
			.response();
		// then
		assertThat(this.forecasts.requests.get(0).ciIds()).containsExactly("ci_noisy");
		assertThat(this.forecasts.requests.get(0).horizon()).isEqualTo(Duration.ofDays(30));
		assertThat(advice.understood().environment()).isEqualTo("staging");
		assertThat(advice.details()).isEmpty();
		assertThat(advice.summary()).startsWith("No servers need capacity upgrades in the next 30 days at a 75% target");
	}

	@Test
	void answerWhenNoSeriesCouldBeForecastIsUnsureAndGivesNoDate() {
		// when
		CapacityAdvice advice = (CapacityAdvice) this.optimizer
			.answer(question("Will the staging servers run out of disk?", null, null))
			.response();
		// then
		assertThat(advice.details()).isEmpty();
		assertThat(advice.confidence()).isNull();
		assertThat(advice.unpredictable()).singleElement()
			.satisfies((series) -> assertThat(series.reason()).startsWith("level shifts"));
		assertThat(advice.summary()).endsWith("; 1 series could not be forecast");
	}

	@Test
	void answerWhenQuestionIsAboutCostRightSizesIdleServers() {
		// when
		Advisor.Answer answer = this.optimizer.answer(question("Which idle servers can we right-size to save cost?", null, null));
		// then
		RightSizingAdvice advice = (RightSizingAdvice) answer.response();
		assertThat(advice.details()).singleElement().satisfies((proposal) -> {
			assertThat(proposal.name()).isEqualTo("PROD-BATCH-01");
			assertThat(proposal.recommendedChange()).containsEntry("cpu", "-8 vCPU (16 → 8)")
				.containsEntry("memory", "-64GB (128GB → 64GB)");
			assertThat(proposal.monthlySaving()).isEqualTo(8 * 25 + 64 * 5);
		});
		assertThat(advice.summary()).isEqualTo("1 server is underused: right-sizing saves 520 USD a month");
		assertThat(answer.predictions()).isEmpty();
		assertThat(this.forecasts.requests).isEmpty();
	}

	@Test
	void answerWhenQuestionCannotBeReadThrowsWithExamples() {
		assertThatExceptionOfType(QuestionNotUnderstoodException.class)
			.isThrownBy(() -> this.optimizer.answer(question("Tell me a joke about routers", null, null)))
			.satisfies((ex) -> assertThat(ex.examples()).contains("What servers need capacity upgrades next quarter?"));
	}

	@Test
	void answerWhenContextIsOutOfRangeNamesTheField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.optimizer.answer(new AgentQuestion("capacity upgrades?", null, null, null, 120.0)))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("context.target_utilization"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.optimizer.answer(question("capacity upgrades?", null, -5.0)))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("context.budget_limit"));
	}

	private static AgentQuestion question(String text, String timeRange, Double budget) {
		return new AgentQuestion(text, timeRange, budget, AS_OF, null);
	}

	private static ConfigurationItem server(String id, String name, String environment, int cores, int memoryGb,
			int diskGb) {
		return new ConfigurationItem(id, name, "server", ConfigurationItemStatus.ACTIVE, null,
				Map.of("cpu_cores", cores, "memory_gb", memoryGb, "disk_gb", diskGb),
				Map.of("environment", environment, "department", "IT"), AS_OF, AS_OF, null, null, 1);
	}

	// a month of hourly averages: PROD-BATCH-01 idle, the others busy
	private static List<MetricSeries> history(MetricSeriesQuery query) {
		List<MetricSeries> series = new ArrayList<>();
		for (String ci : query.ciIds()) {
			double level = ci.equals("ci_idle") ? (query.metric().equals("cpu_usage") ? 6 : 20) : 55;
			List<MetricSeries.Point> points = new ArrayList<>();
			for (Instant t = query.from(); t.isBefore(query.to()); t = t.plus(Duration.ofHours(1))) {
				points.add(new MetricSeries.Point(t, level));
			}
			series.add(new MetricSeries(ci, query.metric(), Map.of(), points));
		}
		return series;
	}

}
