package io.nopesight.nlq;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nopesight.nlq.Condition.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How a model's reply becomes a plan: values mapped to the CMDB's spelling, and everything the CMDB or the plan
 * does not know refused with its reason.
 */
class PlanJsonTests {

	static final CmdbValues VALUES = new CmdbValues(Map.of(Field.ENVIRONMENT,
			List.of("development", "production", "staging", "test"), Field.DEPARTMENT, List.of("Engineering", "Finance"),
			Field.OS, List.of("Ubuntu 22.04", "Windows 11 23H2", "Windows Server 2019"), Field.LOCATION,
			List.of("DC1", "DC2"), Field.OWNER, List.of("Ana.Lopez@example.com"), Field.COST_CENTER, List.of("cc-3100"),
			Field.ROLE, List.of("DB", "WEB"), Field.NAME, List.of("PROD-WEB-01")), List.of("prometheus", "zabbix"));

	/** A plan as a model writes it; the nullable parts it leaves out (group_by, metric...) are null. */
	static String plan(String entity, String answerType, String filters, String more) {
		return """
				{"expressible": true, "entity": "%s", "answer_type": "%s", "filters": [%s]%s}"""
			.formatted(entity, answerType, filters, more.isEmpty() ? "" : ", " + more);
	}

	static String filter(String field, String operator, String values) {
		return """
				{"field": "%s", "operator": "%s", "values": [%s], "negated": false, "from": "%s"}"""
			.formatted(field, operator, values, field);
	}

	private static QueryPlan read(String reply) {
		return PlanJson.plan(reply, VALUES);
	}

	private static void assertRefused(String reply, PlanJson.Reason reason) {
		assertThatThrownBy(() -> read(reply)).isInstanceOfSatisfying(PlanJson.Rejected.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void mapsValuesToTheCmdbsSpellingAndAddsTheEntitysType() {
		QueryPlan plan = read(plan("server", "list", String.join(",", filter("environment", "in", "\"PRODUCTION\""),
				filter("owner", "=", "\"ana.lopez@EXAMPLE.com\""), filter("cost_center", "=", "\"CC-3100\""),
				filter("location", "starts_with", "\"dc1\""), filter("os", "starts_with", "\"windows\""),
				filter("memory_gb", ">", "64"), filter("virtual", "=", "\"true\""), filter("role", "=", "\"web\"")), ""));
		assertThat(plan.entity()).isEqualTo("server");
		assertThat(plan.filters()).extracting(Condition::field, Condition::operator, Condition::values)
			.containsExactly(tuple(Field.TYPE, "=", List.of("server")),
					tuple(Field.ENVIRONMENT, "in", List.of("production")),
					tuple(Field.OWNER, "=", List.of("ana.lopez@example.com")),
					tuple(Field.COST_CENTER, "=", List.of("CC-3100")), tuple(Field.LOCATION, "starts_with", List.of("DC1-")),
					tuple(Field.OS, "in", List.of("Windows 11 23H2", "Windows Server 2019")),
					tuple(Field.MEMORY_GB, ">", List.of(64.0)), tuple(Field.VIRTUAL, "=", List.of(true)),
					tuple(Field.ROLE, "=", List.of("WEB")));
	}

	@Test
	void readsSeveralLocationPrefixesAsAnyOfThem() {
		QueryPlan plan = read(plan("server", "list", filter("location", "starts_with", "\"dc1\", \"DC2-\""), ""));
		assertThat(plan.filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.LOCATION, List.of("DC1-", "DC2-")));
		assertRefused(plan("server", "list", filter("location", "starts_with", "\"dc1\", \"mars\""), ""),
				PlanJson.Reason.UNKNOWN_VALUE);
	}

	@Test
	void readsMetricAndEventClauses() {
		QueryPlan metric = read(plan("server", "top", filter("environment", "=", "\"production\""), """
				"metric": {"metric": "cpu_usage", "window": "P1W", "aggregation": null, "operator": null,
				 "threshold": null, "top": 5, "ascending": false, "aggregate": null, "from": "busiest"}"""));
		assertThat(metric.metric()).isEqualTo(new MetricClause("cpu_usage", Duration.ofDays(7), null, null, null, 5,
				false, null, "busiest"));
		QueryPlan high = read(plan("server", "list", "", """
				"metric": {"metric": "memory_usage", "window": null, "aggregation": null, "operator": ">",
				 "threshold": 80, "top": null, "ascending": false, "aggregate": null, "from": "high memory"}"""));
		assertThat(high.metric()).extracting(MetricClause::window, MetricClause::aggregation)
			.containsExactly(Duration.ofDays(7), "avg");
		QueryPlan events = read(plan("event", "group", filter("type", "=", "\"database\""), """
				"events": {"severities": ["Critical"], "statuses": ["open"], "sources": ["Prometheus"],
				 "window": "PT24H"}, "event_group": "source\""""));
		assertThat(events.events()).isEqualTo(new EventClause(List.of("critical"), List.of("open"),
				List.of("prometheus"), Duration.ofHours(24), false));
		assertThat(events.eventGroup()).isEqualTo("source");
		QueryPlan cis = read(plan("server", "list", "", """
				"events": {"severities": ["critical"], "statuses": [], "sources": [], "window": "P30D"}"""));
		assertThat(cis.events().ofCis()).isTrue();
	}

	@Test
	void refusesFieldsOperatorsAndValuesThatDoNotExist() {
		assertRefused(plan("server", "list", filter("hostname_color", "=", "\"blue\""), ""), PlanJson.Reason.UNKNOWN_FIELD);
		assertRefused(plan("server", "list", filter("environment", "like", "\"prod%\""), ""),
				PlanJson.Reason.UNKNOWN_OPERATOR);
		assertRefused(plan("server", "list", filter("memory_gb", "in", "64, 128"), ""), PlanJson.Reason.UNKNOWN_OPERATOR);
		assertRefused(plan("server", "list", filter("environment", "in", "\"narnia\""), ""), PlanJson.Reason.UNKNOWN_VALUE);
		assertRefused(plan("server", "list", filter("name", "in", "\"PROD-WEB-99\""), ""), PlanJson.Reason.UNKNOWN_VALUE);
		assertRefused(plan("mainframe", "list", "", ""), PlanJson.Reason.UNKNOWN_VALUE);
		assertRefused(plan("server", "list", "", """
				"metric": {"metric": "temperature", "window": "P7D", "aggregation": null, "operator": null,
				 "threshold": null, "top": null, "ascending": false, "aggregate": null, "from": "hot"}"""),
				PlanJson.Reason.UNKNOWN_VALUE);
		assertRefused(plan("server", "list", "", """
				"metric": {"metric": "cpu_usage", "window": "last week", "aggregation": null, "operator": null,
				 "threshold": null, "top": null, "ascending": false, "aggregate": null, "from": "cpu"}"""),
				PlanJson.Reason.UNKNOWN_VALUE);
		assertRefused(plan("server", "list", "", "\"sql\": \"DROP TABLE configuration_item\""), PlanJson.Reason.SCHEMA);
		assertRefused("servers in production", PlanJson.Reason.MALFORMED);
	}

	@Test
	void readsARelationWhoseAnchorsTheQuestionNamesAndRefusesMadeUpOnes() {
		QueryPlan hosted = read(plan("server", "list", "", """
				"relation": {"answer": "sources", "types": ["runs_on"], "anchors": ["prod-web-01"], "transitive": false,
				             "from": "runs on PROD-WEB-01"}"""));
		assertThat(hosted.relation()).isEqualTo(new RelationClause("sources", List.of("runs_on"), List.of("PROD-WEB-01"),
				false, "runs on PROD-WEB-01"));
		assertRefused(plan("server", "list", "", """
				"relation": {"answer": "sources", "types": ["runs_on"], "anchors": ["PROD-WEB-99"], "transitive": false,
				             "from": "runs on PROD-WEB-99"}"""), PlanJson.Reason.UNKNOWN_VALUE);
		assertRefused(plan("server", "list", "", """
				"relation": {"answer": "sources", "types": ["powers"], "anchors": ["PROD-WEB-01"], "transitive": false,
				             "from": "powered by PROD-WEB-01"}"""), PlanJson.Reason.UNKNOWN_VALUE);
		QueryPlan ranked = read(plan("server", "top", "", """
				"events": {"severities": [], "statuses": [], "sources": [], "window": "P7D", "top": 5}"""));
		assertThat(ranked.events().top()).isEqualTo(5);
		assertThat(ranked.events().ofCis()).isTrue();
	}

	@Test
	void refusesPlansWhoseClausesDisagree() {
		assertRefused(plan("server", "top", "", ""), PlanJson.Reason.INCONSISTENT);
		assertRefused(plan("server", "group", "", ""), PlanJson.Reason.INCONSISTENT);
		assertRefused(plan("server", "list", filter("type", "=", "\"database\""), ""), PlanJson.Reason.INCONSISTENT);
		assertRefused(plan("event", "list", "", ""), PlanJson.Reason.INCONSISTENT);
		assertRefused(plan("server", "count", "", """
				"metric": {"metric": "cpu_usage", "window": "P7D", "aggregation": null, "operator": ">",
				 "threshold": 80, "top": null, "ascending": false, "aggregate": null, "from": "cpu"},
				"events": {"severities": [], "statuses": [], "sources": [], "window": null}"""),
				PlanJson.Reason.INCONSISTENT);
		assertRefused(plan("server", "list", "", "").replace("\"expressible\": true", "\"expressible\": false"),
				PlanJson.Reason.NOT_EXPRESSIBLE);
	}

}
