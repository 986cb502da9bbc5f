package io.nopesight.nlq;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CI names found in questions against the CMDB in PostgreSQL: the index follows the CMDB's changes, and a
 * misspelt or ambiguous name reaches the answer.
 */
class CiNameMatcherIntegrationTests {

	private static JdbcClient jdbc;

	private static CiNameMatcher matcher;

	@BeforeAll
	static void cmdb() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresForTests.freshSchemaUrl(),
				PostgresForTests.user(), "");
		Flyway.configure().dataSource(dataSource).load().migrate();
		jdbc = JdbcClient.create(dataSource);
		matcher = new CiNameMatcher(new CmdbChanges(jdbc), jdbc);
		for (int i = 1; i <= 3; i++) {
			ci(String.format("NMQ-WEB-%02d", i), "server");
		}
		ci("Ledger Service", "application");
		ci("VMWARE-HOST-04", "server");
		ci("VMWARE-HOST-05", "server");
		ci("Ledger Runtime 3.1.4", "software");
	}

	private static void ci(String name, String type) {
		jdbc.sql("""
				INSERT INTO configuration_item (id, name, type, status, created_at, updated_at, created_by)
				VALUES (:id, :name, :type, 'active', now(), now(), 'tester')
				""").param("id", "ci_" + Integer.toHexString(name.hashCode())).param("name", name).param("type", type).update();
	}

	private static DefaultNaturalLanguageQueries queries() {
		CmdbChanges changes = new CmdbChanges(jdbc);
		return new DefaultNaturalLanguageQueries(new JdbcCmdbValues(jdbc, changes), matcher,
				new JdbcPlanQueries(jdbc, null), Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), null,
				new Predictions(null), new MetricInsights(null, null), new CapacityRecommendations(null),
				new Rewording(new Synonyms(), new Lemmas()));
	}

	private static QueryAnswer ask(String question) {
		return queries().ask(new Question(question, null, null, false));
	}

	@Test
	void mentionsWhenACiIsAddedFindsItAndOnlyThenReadsTheNamesAgain() {
		// given
		CiNameIndex before = matcher.current();
		assertThat(matcher.mentions("events on NMQ-DB-01")).isEmpty();
		assertThat(matcher.current()).isSameAs(before);
		// when
		ci("NMQ-DB-01", "database");
		// then
		assertThat(matcher.mentions("events on NMQ-DB-01")).extracting(NameMention::names)
			.containsExactly(List.of("NMQ-DB-01"));
		assertThat(matcher.current()).isNotSameAs(before);
	}

	@Test
	void mentionsANameOfTheQuestionsOwnWordsWhenItIsNumberedAndNamesOneCi() {
		assertThat(matcher.mentions("what is impacted if vmware host 04 fails")).extracting(NameMention::names)
			.containsExactly(List.of("VMWARE-HOST-04"));
		// the same words with no number name no CI: they are the ESXi hosts
		assertThat(matcher.mentions("list the vmware hosts")).isEmpty();
	}

	@Test
	void askWhenANameIsMisspeltAnswersForTheCiItMeans() {
		// when
		QueryAnswer answer = ask("show NMQ-WBE-2");
		// then
		assertThat(answer.results()).extracting((row) -> row.get("name")).containsExactly("NMQ-WEB-02");
		assertThat(answer.interpretation().filters()).extracting(Condition::from).containsExactly("nmq-wbe-2");
	}

	@Test
	void askWhenANameIsAmbiguousAsksWhichOne() {
		assertThatThrownBy(() -> ask("show NMQ-WEB"))
			.isInstanceOfSatisfying(QueryNotUnderstoodException.class, (ex) -> {
				assertThat(ex).hasMessage("'NMQ-WEB' could name 3 CIs; which one?");
				assertThat(ex.suggestions()).containsExactly("show NMQ-WEB-01", "show NMQ-WEB-02", "show NMQ-WEB-03");
			});
	}

	@Test
	void askWhenACiIsNamedWithAKindItIsNotRefusesRatherThanAnswerNothing() {
		assertThatThrownBy(() -> ask("Ledger Service workstations"))
			.isInstanceOf(QueryNotUnderstoodException.class)
			.hasMessage("'ledger service' is an application CI, not a workstation; how the two relate is not read");
		// the servers of an application are those it runs on
		assertThat(ask("Ledger Service servers").interpretation().relation())
			.extracting(RelationClause::answer, RelationClause::types)
			.containsExactly("targets", List.of("runs_on"));
		// named with how it relates, the software is where a hop starts
		assertThat(ask("servers with Ledger Runtime 3.1.4 installed").interpretation().relation())
			.extracting(RelationClause::types, RelationClause::anchors)
			.containsExactly(List.of("installed_on"), List.of("Ledger Runtime 3.1.4"));
		assertThat(ask("the ledger service application").results()).extracting((row) -> row.get("name"))
			.containsExactly("Ledger Service");
	}

}
