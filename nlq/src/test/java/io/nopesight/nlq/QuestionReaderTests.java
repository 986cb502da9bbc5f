package io.nopesight.nlq;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nopesight.nlq.Condition.Field;
import io.nopesight.nlq.NameMention.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How questions are read into plans, against a fixed set of CMDB values.
 */
class QuestionReaderTests {

	static final CmdbValues VALUES = new CmdbValues(Map.of(Field.ENVIRONMENT,
			List.of("development", "production", "staging", "test"), Field.DEPARTMENT,
			List.of("Engineering", "Finance", "IT"), Field.OS,
			List.of("Debian 12", "RedHat 9.2", "Ubuntu 22.04", "Ubuntu 24.04", "VMware ESXi 8.0", "Windows 11 23H2",
					"Windows Server 2019"),
			Field.LOCATION, List.of("DC1", "DC2", "HQ"), Field.MANUFACTURER,
			List.of("Dell Inc.", "HP", "HPE", "Lenovo", "VMware, Inc."), Field.ENGINE,
			List.of("MySQL 8.0.35", "PostgreSQL 15.4", "PostgreSQL 16.1")), List.of("nagios", "prometheus", "zabbix"));

	private static QueryPlan read(String question) {
		return QuestionReader.read(question, VALUES);
	}

	@Test
	void readsTypeEnvironmentAndOsWithItsVersion() {
		QueryPlan plan = read("list the staging hosts on Ubuntu 24.04");
		assertThat(plan.entity()).isEqualTo("server");
		assertThat(plan.answerType()).isEqualTo(QueryPlan.AnswerType.LIST);
		assertThat(plan.filters()).extracting(Condition::field, Condition::values, Condition::negated)
			.containsExactlyInAnyOrder(tuple(Field.TYPE, List.of("server"), false),
					tuple(Field.ENVIRONMENT, List.of("staging"), false),
					tuple(Field.OS, List.of("Ubuntu 24.04"), false));
	}

	@Test
	void readsNegationOnTheFilterItLeadsTo() {
		assertThat(read("desktops that are not on Windows").filters())
			.anySatisfy((c) -> {
				assertThat(c.field()).isEqualTo(Field.OS);
				assertThat(c.negated()).isTrue();
				assertThat(c.values()).containsExactly("Windows 11 23H2", "Windows Server 2019");
			});
		assertThat(read("non-production machines").filters())
			.anySatisfy((c) -> assertThat(c).extracting(Condition::field, Condition::negated)
				.containsExactly(Field.ENVIRONMENT, true));
		assertThat(read("boxes outside DC2").filters())
			.anySatisfy((c) -> assertThat(c).extracting(Condition::field, Condition::values, Condition::negated)
				.containsExactly(Field.LOCATION, List.of("DC2-"), true));
	}

	@Test
	void readsSizesWithTheirComparison() {
		assertThat(read("hosts having at least 16 cores and under 64 GB RAM").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.CPU_CORES, ">=", List.of(16.0)), tuple(Field.MEMORY_GB, "<", List.of(64.0)));
		assertThat(read("machines with 2 TB of disk").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.DISK_GB, "=", List.of(2000.0)));
		assertThat(read("servers with RAM > 128GB").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.MEMORY_GB, ">", List.of(128.0)));
		assertThat(read("hosts with memory >= 256 GB and < 8 cores").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.MEMORY_GB, ">=", List.of(256.0)), tuple(Field.CPU_CORES, "<", List.of(8.0)));
		assertThat(read("how many servers have 16 GB of RAM or less").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.MEMORY_GB, "<=", List.of(16.0)));
		assertThat(read("servers with 16 or more cores and up to 32 GB memory").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.CPU_CORES, ">=", List.of(16.0)), tuple(Field.MEMORY_GB, "<=", List.of(32.0)));
		assertThat(read("boxes w/ a minimum of 32 cores").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.CPU_CORES, ">=", List.of(32.0)));
		assertThat(read("servers with 8+ cores").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.CPU_CORES, ">=", List.of(8.0)));
	}

	@Test
	void readsCountsGroupsStatusAndVirtualMachines() {
		QueryPlan count = read("number of VMs under maintenance");
		assertThat(count.answerType()).isEqualTo(QueryPlan.AnswerType.COUNT);
		assertThat(count.filters()).extracting(Condition::field)
			.containsExactlyInAnyOrder(Field.TYPE, Field.VIRTUAL, Field.STATUS);
		QueryPlan group = read("how many databases per department");
		assertThat(group.answerType()).isEqualTo(QueryPlan.AnswerType.GROUP);
		assertThat(group.groupBy()).isEqualTo(Field.DEPARTMENT);
	}

	@Test
	void readsManufacturerDepartmentCostCenterEngineAndIp() {
		assertThat(read("Lenovo laptops of the Engineering department").filters())
			.extracting(Condition::field, Condition::values)
			.contains(tuple(Field.MANUFACTURER, List.of("Lenovo")), tuple(Field.DEPARTMENT, List.of("Engineering")));
		assertThat(read("postgresql 16 databases in cost centre cc-2040").filters())
			.extracting(Condition::field, Condition::values)
			.contains(tuple(Field.ENGINE, List.of("PostgreSQL 16.1")), tuple(Field.COST_CENTER, List.of("CC-2040")));
		QueryPlan ip = read("what is at 10.1.2.3?");
		assertThat(ip.entity()).isEqualTo("ci");
		assertThat(ip.filters()).extracting(Condition::field, Condition::values)
			.containsExactly(tuple(Field.IP_ADDRESS, List.of("10.1.2.3")));
	}

	@Test
	void readsMetricConditionsRankingsAndFiguresOverAWindow() {
		MetricClause hot = read("boxes whose processor load was above 75% over the past 3 days").metric();
		assertThat(hot).extracting(MetricClause::metric, MetricClause::aggregation, MetricClause::operator,
				MetricClause::threshold, MetricClause::window)
			.containsExactly("cpu_usage", "avg", ">", 75.0, java.time.Duration.ofDays(3));
		assertThat(read("hosts whose RAM spiked over 95 yesterday").metric())
			.extracting(MetricClause::metric, MetricClause::aggregation, MetricClause::window)
			.containsExactly("memory_usage", "max", java.time.Duration.ofHours(24));
		QueryPlan top = read("the 4 least loaded machines by storage this month");
		assertThat(top.answerType()).isEqualTo(QueryPlan.AnswerType.TOP);
		assertThat(top.metric()).extracting(MetricClause::metric, MetricClause::top, MetricClause::ascending)
			.containsExactly("disk_usage", 4, true);
		assertThat(read("the 3 busiest production machines by memory over the past 3 days").metric())
			.extracting(MetricClause::metric, MetricClause::top, MetricClause::ascending)
			.containsExactly("memory_usage", 3, false);
		QueryPlan idle = read("how many idle hosts in staging");
		assertThat(idle.answerType()).isEqualTo(QueryPlan.AnswerType.COUNT);
		assertThat(idle.metric()).extracting(MetricClause::operator, MetricClause::threshold).containsExactly("<", 20.0);
		QueryPlan mean = read("mean memory utilization of staging hosts");
		assertThat(mean.answerType()).isEqualTo(QueryPlan.AnswerType.AGGREGATE);
		assertThat(mean.metric().window()).isEqualTo(MetricReader.DEFAULT_WINDOW);
	}


	@Test
	void readsTheHorizonOfAPredictionWithOrWithoutNext() {
		assertThat(read("servers running out of disk space within 90 days").metric())
			.extracting(MetricClause::metric, MetricClause::horizon)
			.containsExactly("disk_usage", java.time.Duration.ofDays(90));
		assertThat(read("which hosts will fill up in the next 2 weeks").metric().horizon())
			.isEqualTo(java.time.Duration.ofDays(14));
		assertThat(read("machines that will run out of memory within a quarter").metric())
			.extracting(MetricClause::metric, MetricClause::horizon)
			.containsExactly("memory_usage", java.time.Duration.ofDays(90));
		assertThat(read("which servers will run out of disk").metric().horizon()).isEqualTo(MetricReader.DEFAULT_HORIZON);
	}
	@Test
	void readsEventQuestionsAndWhetherTheEventsOrTheirCisAreAsked() {
		QueryPlan events = read("still open high severity alerts from zabbix over the past 2 days");
		assertThat(events.entity()).isEqualTo("event");
		assertThat(events.events()).extracting(EventClause::severities, EventClause::statuses, EventClause::sources,
				EventClause::window, EventClause::ofCis)
			.containsExactly(List.of("high"), List.of("open"), List.of("zabbix"), java.time.Duration.ofDays(2), false);
		QueryPlan onDatabases = read("how many critical alarms on staging databases");
		assertThat(onDatabases.entity()).isEqualTo("event");
		assertThat(onDatabases.answerType()).isEqualTo(QueryPlan.AnswerType.COUNT);
		assertThat(onDatabases.filters()).extracting(Condition::field).contains(Field.TYPE, Field.ENVIRONMENT);
		QueryPlan hosts = read("hosts that had critical alerts this week");
		assertThat(hosts.entity()).isEqualTo("server");
		assertThat(hosts.events().ofCis()).isTrue();
		QueryPlan bySource = read("number of alerts per source in the last month");
		assertThat(bySource.answerType()).isEqualTo(QueryPlan.AnswerType.GROUP);
		assertThat(bySource.eventGroup()).isEqualTo("source");
	}

	@Test
	void aWordNoRuleReadsIsNotGuessedAway() {
		assertThatThrownBy(() -> read("servers with frequent reboots lately"))
			.isInstanceOf(QueryNotUnderstoodException.class)
			.hasMessageContaining("'frequent', 'reboots', 'lately'");
		assertThatThrownBy(() -> read("what depends on orders-db")).isInstanceOf(QueryNotUnderstoodException.class);
		assertThatThrownBy(() -> read("'; DROP TABLE configuration_item; --"))
			.isInstanceOf(QueryNotUnderstoodException.class);
		assertThatThrownBy(() -> read("¿cuántos servidores hay?")).isInstanceOf(QueryNotUnderstoodException.class);
	}

	static final CmdbValues GRAPH = new CmdbValues(VALUES.values(), VALUES.eventSources(),
			Map.of("Apache Log4j", List.of("Apache Log4j 2.14.1", "Apache Log4j 2.17.1"), "PostgreSQL Server",
					List.of("PostgreSQL Server 15.4"), "Microsoft Exchange Server", List.of("Microsoft Exchange Server 2019 CU13")));

	private static QueryPlan readNaming(String question, String... names) {
		return QuestionReader.read(question, GRAPH.with(Field.NAME, List.of(names)));
	}

	@Test
	void readsWhatRunsOnAHostAndWhereSomethingRuns() {
		assertThat(readNaming("What runs on VMWARE-HOST-02?", "VMWARE-HOST-02").relation())
			.isEqualTo(new RelationClause("sources", List.of("runs_on"), List.of("VMWARE-HOST-02"), false, "runs on vmware-host-02"));
		QueryPlan vms = readNaming("how many VMs on VMWARE-HOST-02 are in production", "VMWARE-HOST-02");
		assertThat(vms.answerType()).isEqualTo(QueryPlan.AnswerType.COUNT);
		assertThat(vms.relation().types()).containsExactly("runs_on");
		assertThat(vms.filters()).extracting(Condition::field).contains(Field.TYPE, Field.VIRTUAL, Field.ENVIRONMENT);
		for (String question : List.of("Which servers host the Payments API?", "where does the payments api run",
				"what is Payments API running on")) {
			assertThat(readNaming(question, "Payments API").relation())
				.extracting(RelationClause::answer, RelationClause::types, RelationClause::anchors)
				.containsExactly("targets", List.of("runs_on"), List.of("Payments API"));
		}
		assertThat(readNaming("software installed on PROD-APP-10", "PROD-APP-10").relation().types())
			.containsExactly("installed_on");
	}

	@Test
	void readsDependenciesBothWays() {
		for (String question : List.of("what depends on orders-db", "which applications use orders-db",
				"who relies on the orders-db")) {
			assertThat(readNaming(question, "orders-db").relation())
				.extracting(RelationClause::answer, RelationClause::types, RelationClause::transitive)
				.containsExactly("sources", List.of("depends_on"), false);
		}
		for (String question : List.of("What does the Payments API depend on?", "which databases does Payments API use",
				"dependencies of the Payments API")) {
			assertThat(readNaming(question, "Payments API").relation())
				.extracting(RelationClause::answer, RelationClause::types)
				.containsExactly("targets", List.of("depends_on"));
		}
		assertThat(readNaming("which databases does Payments API use", "Payments API").entity()).isEqualTo("database");
	}

	@Test
	void readsTheImpactOfAFailureAsTransitive() {
		for (String question : List.of("what is impacted if PROD-DB-03 fails", "blast radius of PROD-DB-03",
				"if PROD-DB-03 goes down, what is affected?", "which applications would be affected by PROD-DB-03 going down",
				"what breaks when prod-db-03 crashes")) {
			assertThat(readNaming(question, "PROD-DB-03").relation())
				.extracting(RelationClause::answer, RelationClause::types, RelationClause::anchors, RelationClause::transitive)
				.containsExactly("sources", List.of("runs_on", "depends_on"), List.of("PROD-DB-03"), true);
		}
	}

	@Test
	void readsInstalledSoftwareByProductAndVersion() {
		assertThat(read("servers with Apache Log4j 2.14.1 installed", GRAPH).relation())
			.extracting(RelationClause::answer, RelationClause::types, RelationClause::anchors)
			.containsExactly("targets", List.of("installed_on"), List.of("Apache Log4j 2.14.1"));
		assertThat(read("how many machines run log4j", GRAPH).relation().anchors())
			.containsExactly("Apache Log4j 2.14.1", "Apache Log4j 2.17.1");
		assertThat(read("servers with log4j 2.17 installed", GRAPH).relation().anchors())
			.containsExactly("Apache Log4j 2.17.1");
		// a database's engine is not software installed
		QueryPlan databases = read("databases running PostgreSQL 15", GRAPH);
		assertThat(databases.relation()).isNull();
		assertThat(databases.filters()).extracting(Condition::field).contains(Field.ENGINE);
	}

	@Test
	void anEventSourceOrANameIsNotSoftware() {
		QueryPlan mail = readNaming("what depends on Exchange Mail", "Exchange Mail");
		assertThat(mail.relation().anchors()).containsExactly("Exchange Mail");
		assertThat(mail.relation().types()).containsExactly("depends_on");
	}

	private static QueryPlan read(String question, CmdbValues values) {
		return QuestionReader.read(question, values);
	}

	@Test
	void readWhenANameIsMisspeltFiltersOnTheNameAsTheCmdbSpellsIt() {
		// given
		String question = "events on PROD-WBE-01 in the last 30 days";
		NameMention misspelt = new NameMention(10, 21, "PROD-WBE-01", List.of("PROD-WEB-01"), Kind.MISSPELT, 1);
		// when
		QueryPlan plan = QuestionReader.read(question, VALUES, List.of(misspelt));
		// then
		assertThat(plan.entity()).isEqualTo("event");
		assertThat(plan.filters()).extracting(Condition::field, Condition::values, Condition::from)
			.containsExactly(tuple(Field.NAME, List.of("PROD-WEB-01"), "prod-wbe-01"));
	}

	@Test
	void readWhenANameIsWrittenWithSpacesReadsItsWordsAndTheWordLeadingIt() {
		// given
		String question = "peak cpu of prod web 01 yesterday";
		NameMention spaced = new NameMention(12, 23, "prod web 01", List.of("PROD-WEB-01"), Kind.EXACT, 1);
		// when
		QueryPlan plan = QuestionReader.read(question, VALUES, List.of(spaced));
		// then
		assertThat(plan.filters()).extracting(Condition::field, Condition::values)
			.containsExactly(tuple(Field.NAME, List.of("PROD-WEB-01")));
		assertThat(plan.metric()).extracting(MetricClause::metric, MetricClause::aggregate)
			.containsExactly("cpu_usage", "max");
	}

	@Test
	void readWhenAMisspeltNameFollowsAVerbOfARelationshipStartsTheHopFromIt() {
		// given
		NameMention misspelt = new NameMention(13, 26, "VMWARE-HST-02", List.of("VMWARE-HOST-02"), Kind.MISSPELT, 1);
		// when
		QueryPlan plan = QuestionReader.read("what runs on VMWARE-HST-02", VALUES, List.of(misspelt));
		// then
		assertThat(plan.relation()).extracting(RelationClause::answer, RelationClause::types, RelationClause::anchors)
			.containsExactly("sources", List.of("runs_on"), List.of("VMWARE-HOST-02"));
		assertThat(plan.filters()).isEmpty();
	}

	@Test
	void readWhenANameIsAmbiguousAsksWhichOneWithTheQuestionAskedOfEach() {
		// given
		String question = "average cpu of PROD-WEB last week";
		List<String> candidates = java.util.stream.IntStream.rangeClosed(1, 10)
			.mapToObj((i) -> String.format("PROD-WEB-%02d", i))
			.toList();
		NameMention ambiguous = new NameMention(15, 23, "PROD-WEB", candidates, Kind.AMBIGUOUS, 12);
		// when, then
		assertThatThrownBy(() -> QuestionReader.read(question, VALUES, List.of(ambiguous)))
			.isInstanceOfSatisfying(QueryNotUnderstoodException.class, (ex) -> {
				assertThat(ex).hasMessage("'PROD-WEB' could name 12 CIs; which one?");
				assertThat(ex.suggestions()).hasSize(10)
					.startsWith("average cpu of PROD-WEB-01 last week", "average cpu of PROD-WEB-02 last week")
					.endsWith("average cpu of PROD-WEB-10 last week");
			});
	}

	@Test
	void readWhenNamesComeWithTheValuesReadsThemAsWritten() {
		// given
		CmdbValues named = VALUES.with(Field.NAME, List.of("PROD-WEB-01", "orders-db"));
		// when
		QueryPlan plan = QuestionReader.read("peak cpu of prod-web-01 yesterday", named);
		// then
		assertThat(plan.filters()).extracting(Condition::field, Condition::values, Condition::from)
			.containsExactly(tuple(Field.NAME, List.of("PROD-WEB-01"), "prod-web-01"));
	}

	@Test
	void readWhenAnEngineIsWrittenShortOrMisspeltReadsTheEngine() {
		assertThat(read("postgres databases").filters()).extracting(Condition::field, Condition::values, Condition::from)
			.contains(tuple(Field.ENGINE, List.of("PostgreSQL 15.4", "PostgreSQL 16.1"), "postgres"));
		assertThat(read("how many postgressql 16 databases").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.ENGINE, List.of("PostgreSQL 16.1")));
		CmdbValues withSqlServer = VALUES.with(Field.ENGINE, List.of("MySQL 8.0.35", "SQL Server 2019"));
		assertThat(QuestionReader.read("mssql databases", withSqlServer).filters())
			.extracting(Condition::field, Condition::values)
			.contains(tuple(Field.ENGINE, List.of("SQL Server 2019")));
		assertThatThrownBy(() -> read("mysqk databases")).isInstanceOf(QueryNotUnderstoodException.class);
	}

	@Test
	void readsSeveralEnvironmentsAtOnceAndNegatesEachOfANegatedList() {
		assertThat(read("servers in staging or development").filters())
			.contains(new Condition(Field.ENVIRONMENT, "in", List.of("staging", "development"), false, "staging, development"));
		assertThat(read("servers that are not production or staging").filters())
			.extracting(Condition::field, Condition::values, Condition::negated)
			.contains(tuple(Field.ENVIRONMENT, List.of("production"), true), tuple(Field.ENVIRONMENT, List.of("staging"), true));
		assertThat(read("how many databases run on MySQL").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.ENGINE, List.of("MySQL 8.0.35")));
	}


	@Test
	void readsWindowsServerAsTheOsWhenTheCisAreNamedAfterIt() {
		for (String question : List.of("Windows Server 2019 boxes", "list all Windows Server 2019 servers",
				"win server 2019 machines")) {
			QueryPlan plan = read(question);
			assertThat(plan.entity()).isEqualTo("server");
			assertThat(plan.filters()).extracting(Condition::field, Condition::values)
				.contains(tuple(Field.OS, List.of("Windows Server 2019")));
		}
		assertThat(read("windows server hosts").filters()).extracting(Condition::field, Condition::values)
			.containsExactlyInAnyOrder(tuple(Field.TYPE, List.of("server")), tuple(Field.OS, List.of("Windows Server 2019")));
		assertThat(read("number of Win 11 desktops").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.OS, List.of("Windows 11 23H2")));
		assertThat(read("Red Hat Enterprise Linux servers").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.OS, List.of("RedHat 9.2")));
		assertThat(read("rhel9 servers").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.OS, List.of("RedHat 9.2")));
		for (String question : List.of("minimum CPU of the VMware hosts last week", "list the hypervisors")) {
			assertThat(read(question).filters()).extracting(Condition::field, Condition::values)
				.contains(tuple(Field.OS, List.of("VMware ESXi 8.0")));
		}
	}

	@Test
	void readsAShortDepartmentRightBeforeTheKindOfCi() {
		CmdbValues roles = VALUES.with(Field.ROLE, List.of("IT", "WEB"));
		assertThat(QuestionReader.read("non-IT servers", roles).filters())
			.extracting(Condition::field, Condition::values, Condition::negated)
			.contains(tuple(Field.DEPARTMENT, List.of("IT"), true));
		assertThatThrownBy(() -> QuestionReader.read("is it servers that fail", roles))
			.isInstanceOf(QueryNotUnderstoodException.class);
	}

	@Test
	void readsSeveralSitesAndOneLocation() {
		assertThat(read("servers in DC1 or DC2").filters()).extracting(Condition::field, Condition::values, Condition::negated)
			.contains(tuple(Field.LOCATION, List.of("DC1-", "DC2-"), false));
		assertThat(read("servers outside DC1 and DC2").filters()).extracting(Condition::field, Condition::values,
				Condition::negated)
			.contains(tuple(Field.LOCATION, List.of("DC1-"), true), tuple(Field.LOCATION, List.of("DC2-"), true));
		assertThat(read("desktops on HQ-FLOOR-3").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.LOCATION, List.of("HQ-FLOOR-3")));
		assertThat(read("count workstations by location").groupBy()).isEqualTo(Field.LOCATION);
		assertThat(read("how many servers per data center").groupBy()).isEqualTo(Field.SITE);
	}

	@Test
	void readsOtherWaysOfNamingCisAndOwners() {
		assertThat(read("show me all the software packages we track").entity()).isEqualTo("software");
		QueryPlan device = read("find the device with ip address 10.0.0.12");
		assertThat(device.entity()).isEqualTo("ci");
		assertThat(read("how many CIs per type").groupBy()).isEqualTo(Field.TYPE);
		assertThat(read("breakdown of servers by OS").groupBy()).isEqualTo(Field.OS);
		assertThat(read("how many servers does k8s-team@company.com own").filters())
			.extracting(Condition::field, Condition::values)
			.contains(tuple(Field.OWNER, List.of("k8s-team@company.com")));
		assertThatThrownBy(() -> read("workstations assigned to user010@company.com"))
			.isInstanceOf(QueryNotUnderstoodException.class);
		assertThat(read("physical boxes not made by Dell").filters())
			.extracting(Condition::field, Condition::negated)
			.contains(tuple(Field.MANUFACTURER, true), tuple(Field.VIRTUAL, false));
		assertThat(read("I need a list of all the Finance laptops").entity()).isEqualTo("workstation");
	}

	@Test
	void readsHighUsageWordsWhoseLastWordIsAPreposition() {
		for (String question : List.of("any boxes almost out of disk space", "servers running low on disk",
				"servers short on memory in the last 30 days")) {
			assertThat(read(question).metric()).extracting(MetricClause::aggregation, MetricClause::operator,
					MetricClause::threshold)
				.containsExactly("avg", ">", 80.0);
		}
	}

	@Test
	void readsSeveralSeveritiesAndRankingsByAlertCount() {
		assertThat(read("critical or high events in the last 24 hours").events().severities())
			.containsExactly("critical", "high");
		QueryPlan ranked = read("top 4 hosts by alert count this month");
		assertThat(ranked.answerType()).isEqualTo(QueryPlan.AnswerType.TOP);
		assertThat(ranked.events().top()).isEqualTo(4);
		assertThat(read("how many alerts did nagios raise yesterday").events().sources()).containsExactly("nagios");
	}

	@Test
	void readsTheHostsOfSoftwareAsWhereItIsInstalled() {
		assertThat(readNaming("hosts running Apache Log4j 2.14.1", "Apache Log4j 2.14.1").relation())
			.extracting(RelationClause::answer, RelationClause::types, RelationClause::anchors)
			.containsExactly("targets", List.of("installed_on"), List.of("Apache Log4j 2.14.1"));
		assertThat(readNaming("what VMs are on VMWARE-HOST-04", "VMWARE-HOST-04").relation())
			.extracting(RelationClause::answer, RelationClause::types)
			.containsExactly("sources", List.of("runs_on"));
		assertThat(readNaming("impact analysis for PROD-APP-05", "PROD-APP-05").relation().transitive()).isTrue();
	}

	@Test
	void readsContractionsNumberWordsAndRangesAsTheirPlainForms() {
		assertThat(read("I'd like to see the macOS laptops in the Engineering department").entity()).isEqualTo("workstation");
		assertThat(read("let's see the Windows servers").entity()).isEqualTo("server");
		assertThat(read("five busiest production servers last week").metric().top()).isEqualTo(5);
		assertThat(read("the 3 least utilised servers last week").metric())
			.extracting(MetricClause::metric, MetricClause::top, MetricClause::ascending)
			.containsExactly("cpu_usage", 3, true);
		assertThat(read("production servers with memory utilization above 50% over the last fortnight").metric().window())
			.isEqualTo(java.time.Duration.ofDays(14));
		assertThat(read("servers with memory between 32 and 128 GB").filters())
			.extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.MEMORY_GB, ">=", List.of(32.0)), tuple(Field.MEMORY_GB, "<=", List.of(128.0)));
		QueryPlan memory = read("servers with memory over 64 GB");
		assertThat(memory.filters()).extracting(Condition::field, Condition::operator, Condition::values)
			.contains(tuple(Field.MEMORY_GB, ">", List.of(64.0)));
		assertThat(memory.metric()).isNull();
		assertThat(read("Disk usage above 70% on production Ubuntu 22.04 machines last 30 days").metric())
			.extracting(MetricClause::metric, MetricClause::threshold)
			.containsExactly("disk_usage", 70.0);
	}

	@Test
	void readsAnEngineNamedServerBeforeTheKindOfCi() {
		CmdbValues engines = VALUES.with(Field.ENGINE, List.of("MySQL 8.0.35", "SQL Server 2019"));
		QueryPlan plan = QuestionReader.read("SQL Server databases", engines);
		assertThat(plan.filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.ENGINE, List.of("SQL Server 2019")));
		assertThat(plan.entity()).isEqualTo("database");
	}

	@Test
	void countsEventsPerSeverityOnSomeCisRatherThanRankingTheCis() {
		QueryPlan plan = read("number of events per severity for Windows servers this month");
		assertThat(plan.answerType()).isEqualTo(QueryPlan.AnswerType.GROUP);
		assertThat(plan.eventGroup()).isEqualTo("severity");
		assertThat(plan.events().top()).isNull();
		assertThat(read("top 5 servers by number of events").events().top()).isEqualTo(5);
		for (String question : List.of("top 6 servers by number of high severity events last week",
				"top 5 servers by zabbix events", "top 3 servers by critical events")) {
			assertThat(read(question).events().top()).as(question).isPositive();
		}
		assertThat(read("which server has the most high severity alerts last week").events())
			.extracting(EventClause::top, EventClause::severities)
			.containsExactly(1, List.of("high"));
		assertThat(read("group alerts by severity").eventGroup()).isEqualTo("severity");
	}

	@Test
	void readsTheHostsOfANamedCiWrittenBeforeThem() {
		assertThat(readNaming("peak memory of orders-db's hosts last week", "orders-db").relation())
			.extracting(RelationClause::answer, RelationClause::types, RelationClause::anchors)
			.containsExactly("targets", List.of("runs_on"), List.of("orders-db"));
	}

	@Test
	void readsEventSourcesNegationAndTheCiTheyAffected() {
		CmdbValues sources = new CmdbValues(VALUES.values(), List.of("application", "nagios", "prometheus", "zabbix"));
		QueryPlan application = QuestionReader.read("events from application in the last 3 days", sources);
		assertThat(application.entity()).isEqualTo("event");
		assertThat(application.events().sources()).containsExactly("application");
		assertThat(QuestionReader.read("application events in the last 3 days", sources).events().sources())
			.containsExactly("application");
		assertThat(QuestionReader.read("events not from nagios in the last 24 hours", sources).events().sources())
			.containsExactly("application", "prometheus", "zabbix");
		assertThat(read("non-critical events in the last 24 hours").events().severities())
			.containsExactly("high", "medium", "low");
		assertThat(read("how many events are not resolved").events().statuses()).containsExactly("open", "acknowledged");
		assertThat(readNaming("How many events affected PROD-DB-03 last week?", "PROD-DB-03").answerType())
			.isEqualTo(QueryPlan.AnswerType.COUNT);
	}

	@Test
	void refusesTwoGroupingsRatherThanAnsweringOne() {
		for (String question : List.of("count servers by environment and status", "servers per type, then location",
				"count events by severity and source")) {
			assertThatThrownBy(() -> read(question)).isInstanceOf(QueryNotUnderstoodException.class)
				.hasMessageContaining("two fields");
		}
	}

	@Test
	void readsWhichOneHasTheHighestAsTheFirstOfARanking() {
		QueryPlan plan = read("which server has the highest CPU usage last week");
		assertThat(plan.answerType()).isEqualTo(QueryPlan.AnswerType.TOP);
		assertThat(plan.metric()).extracting(MetricClause::top, MetricClause::ascending).containsExactly(1, false);
		assertThat(read("What was the highest CPU usage of the production servers").answerType())
			.isEqualTo(QueryPlan.AnswerType.AGGREGATE);
		assertThat(read("5 servers with the highest memory usage last week").metric().top()).isEqualTo(5);
		assertThat(read("servers where disk usage exceeded 85% last week").metric())
			.extracting(MetricClause::operator, MetricClause::threshold).containsExactly(">", 85.0);
		assertThat(read("servers that will fill their disks in the next 30 days").metric())
			.extracting(MetricClause::metric, MetricClause::horizon)
			.containsExactly("disk_usage", java.time.Duration.ofDays(30));
	}

	@Test
	void readsAnOwnerNamedAsATeamAndOtherStatusWords() {
		CmdbValues owners = VALUES.with(Field.OWNER, List.of("web-team@company.com", "db-team@company.com"));
		assertThat(QuestionReader.read("servers owned by the web team", owners).filters())
			.extracting(Condition::field, Condition::values)
			.contains(tuple(Field.OWNER, List.of("web-team@company.com")));
		assertThat(read("servers in maintenance mode").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.STATUS, List.of("maintenance")));
		assertThat(read("servers in location DC1-RACK-01").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.LOCATION, List.of("DC1-RACK-01")));
	}

	@Test
	void readsCablesEitherWayAndHostsNamedFirst() {
		assertThat(readNaming("which servers are connected to ACC-SW-03", "ACC-SW-03").relation())
			.extracting(RelationClause::answer, RelationClause::types)
			.containsExactly("either", List.of("connected_to"));
		assertThat(readNaming("which apps connect to orders-db", "orders-db").relation().types())
			.containsExactly("depends_on");
		assertThat(readNaming("On VMWARE-HOST-04, which VMs are running?", "VMWARE-HOST-04").relation())
			.extracting(RelationClause::answer, RelationClause::types, RelationClause::anchors)
			.containsExactly("sources", List.of("runs_on"), List.of("VMWARE-HOST-04"));
		assertThat(readNaming("On PROD-DB-03, which events are open?", "PROD-DB-03").relation()).isNull();
		assertThat(readNaming("application alerts on VMWARE-HOST-04 in the past 30 days", "VMWARE-HOST-04").relation())
			.isNull();
		for (String question : List.of("VMs in maintenance on VMWARE-HOST-04", "servers in DC1 on VMWARE-HOST-04")) {
			assertThat(readNaming(question, "VMWARE-HOST-04").relation()).as(question)
				.extracting(RelationClause::answer, RelationClause::types)
				.containsExactly("sources", List.of("runs_on"));
		}
		assertThat(readNaming("by which applications is orders-db used?", "orders-db").relation())
			.extracting(RelationClause::answer, RelationClause::types)
			.containsExactly("sources", List.of("depends_on"));
		assertThat(readNaming("blast radius if orders-db fails", "orders-db").relation().transitive()).isTrue();
		assertThat(readNaming("impact of losing orders-db", "orders-db").relation().transitive()).isTrue();
	}

	@Test
	void readsSoftwareNamedByItsProductAsItsVersions() {
		QueryPlan plan = readNaming("list the Apache Log4j packages");
		assertThat(plan.relation()).isNull();
		assertThat(plan.filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.NAME, List.of("Apache Log4j 2.14.1", "Apache Log4j 2.17.1")));
		assertThat(readNaming("servers with Apache Log4j installed").relation().types()).containsExactly("installed_on");
	}

	@Test
	void readsRankingsWrittenTheOtherWayRound() {
		assertThat(read("busiest 3 staging servers last week").metric()).extracting(MetricClause::top,
				MetricClause::ascending)
			.containsExactly(3, false);
		assertThat(read("the 3 idlest production servers by CPU last week").metric()).extracting(MetricClause::top,
				MetricClause::ascending)
			.containsExactly(3, true);
		assertThat(read("noisiest 5 servers this week").events().top()).isEqualTo(5);
		assertThat(read("how much memory did the staging servers use on average last week").answerType())
			.isEqualTo(QueryPlan.AnswerType.AGGREGATE);
		assertThat(read("which servers have disks more than 80% full").metric())
			.extracting(MetricClause::metric, MetricClause::threshold).containsExactly("disk_usage", 80.0);
		assertThat(read("Debian is the OS of which production servers?").filters()).extracting(Condition::field)
			.contains(Field.OS, Field.ENVIRONMENT);
	}

	@Test
	void readsStatusesNamedAndNegatedTogether() {
		assertThat(read("events that are acknowledged but not resolved").events().statuses())
			.containsExactly("acknowledged");
		assertThat(read("unacknowledged alerts").events().statuses()).containsExactly("open");
		assertThat(read("hey, quick one: how many alerts came in since yesterday?!").events().window())
			.isEqualTo(java.time.Duration.ofHours(24));
	}

	@Test
	void readsShortFormsOfTimeWordsButLeavesNamesAlone() {
		assertThat(read("critical events in the lst 3 days").events().window()).isEqualTo(java.time.Duration.ofDays(3));
		assertThat(read("alerts in the past 12 hrs").events().window()).isEqualTo(java.time.Duration.ofHours(12));
		assertThat(read("high cpu servers last wk").metric().window()).isEqualTo(java.time.Duration.ofDays(7));
		assertThat(readNaming("what runs on ESX-HOST-07", "ESX-HOST-07").relation().anchors()).containsExactly("ESX-HOST-07");
		// a name written with spaces stays as written, for the names found in it beforehand
		assertThat(QuestionReader.normalised("what runs on vmware host 04")).isEqualTo("what runs on vmware host 04");
		assertThat(QuestionReader.normalised("list the vmware hosts")).isEqualTo("list the esxi hosts");
	}

	@Test
	void readsValuesWrittenAsTheCmdbStoresThem() {
		CmdbValues makers = VALUES.with(Field.MANUFACTURER,
				List.of("Dell Inc.", "HP", "HPE", "Palo Alto Networks", "VMware, Inc.", "Cisco Systems"));
		for (String question : List.of("how many Dell Inc. servers", "network devices made by Palo Alto Networks",
				"Cisco Systems network devices", "how many servers are made by VMware, Inc.")) {
			assertThat(QuestionReader.read(question, makers).filters()).extracting(Condition::field)
				.as(question)
				.contains(Field.MANUFACTURER);
		}
		assertThat(QuestionReader.read("HP servers", makers).filters()).extracting(Condition::values)
			.contains(List.of("HP"));
		QueryPlan esxi = QuestionReader.read("servers running VMware ESXi 8.0", makers);
		assertThat(esxi.filters()).extracting(Condition::field).containsExactly(Field.TYPE, Field.OS);
		CmdbValues windows = VALUES.with(Field.OS, List.of("Windows 10 22H2", "Windows 11 23H2"));
		assertThat(QuestionReader.read("workstations on Windows 10 22H2", windows).filters())
			.extracting(Condition::field, Condition::values)
			.contains(tuple(Field.OS, List.of("Windows 10 22H2")));
	}

	@Test
	void groupsCountsBySizeButRanksByUse() {
		assertThat(read("count servers by memory").groupBy()).isEqualTo(Field.MEMORY_GB);
		assertThat(read("how many servers per cpu cores").groupBy()).isEqualTo(Field.CPU_CORES);
		assertThat(read("count servers by disk size").groupBy()).isEqualTo(Field.DISK_GB);
		QueryPlan top = read("top 5 servers by memory last week");
		assertThat(top.groupBy()).isNull();
		assertThat(top.metric().metric()).isEqualTo("memory_usage");
		QueryPlan hot = read("count servers with high CPU usage last week by environment");
		assertThat(hot.groupBy()).isEqualTo(Field.ENVIRONMENT);
		assertThat(hot.metric()).extracting(MetricClause::operator, MetricClause::threshold).containsExactly(">", 80.0);
		assertThatThrownBy(() -> read("average CPU of servers by environment"))
			.isInstanceOf(QueryNotUnderstoodException.class)
			.hasMessageContaining("Grouping metric figures");
	}

	@Test
	void readsAKindBesideANameAsTheNamesAndOtherOrdinaryStructures() {
		QueryPlan plan = readNaming("What depends on the orders-db database?", "orders-db");
		assertThat(plan.relation()).extracting(RelationClause::answer, RelationClause::anchors)
			.containsExactly("sources", List.of("orders-db"));
		assertThat(plan.filters()).extracting(Condition::field).doesNotContain(Field.TYPE);
		assertThat(readNaming("What does the Payments API application depend on?", "Payments API").relation())
			.extracting(RelationClause::answer).isEqualTo("targets");
		assertThat(read("Give me the hosts whose cost center is CC-3100").filters()).extracting(Condition::field)
			.contains(Field.COST_CENTER);
		assertThat(read("Show me the CI whose IP address is 172.24.1.11").filters()).extracting(Condition::field)
			.contains(Field.IP_ADDRESS);
		QueryPlan both = read("Show me desktops and laptops not running Windows");
		assertThat(both.entity()).isEqualTo("workstation");
		assertThat(read("Give me the servers with at least one critical event in the last 30 days").events().ofCis())
			.isTrue();
	}

	@Test
	void readsSeveralValuesOfOneFieldAndNegationsOfThem() {
		QueryPlan windows = read("Windows servers not running Windows Server 2019");
		assertThat(windows.filters()).extracting(Condition::field, Condition::values, Condition::negated)
			.contains(tuple(Field.OS, List.of("Windows 11 23H2", "Windows Server 2019"), false),
					tuple(Field.OS, List.of("Windows Server 2019"), true));
		assertThat(read("Ubuntu or Debian servers").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.OS, List.of("Ubuntu 22.04", "Ubuntu 24.04", "Debian 12")));
		assertThat(read("physical servers not made by Dell or Lenovo").filters())
			.extracting(Condition::field, Condition::values, Condition::negated)
			.contains(tuple(Field.MANUFACTURER, List.of("Dell Inc."), true), tuple(Field.MANUFACTURER, List.of("Lenovo"), true));
		assertThat(read("Dell or HP servers").filters()).extracting(Condition::field, Condition::values)
			.contains(tuple(Field.MANUFACTURER, List.of("Dell Inc.", "HP")));
		assertThat(read("servers that do not have more than 8 GB of memory").filters())
			.extracting(Condition::field, Condition::operator, Condition::negated)
			.contains(tuple(Field.MEMORY_GB, ">", true));
		assertThat(read("workstations other than the Windows ones with less than 16 GB of RAM").filters())
			.extracting(Condition::field, Condition::negated)
			.contains(tuple(Field.OS, true));
		QueryPlan notServers = read("how many CIs in DC1 are not servers");
		assertThat(notServers.entity()).isEqualTo("ci");
		assertThat(notServers.filters()).extracting(Condition::field, Condition::negated).contains(tuple(Field.TYPE, true));
	}

	@Test
	void readsEventsOnTheHostsOfSoftwareOrOfAnApplication() {
		QueryPlan log4j = readNaming("how many open alerts are there on servers with Apache Log4j installed");
		assertThat(log4j.relation().types()).containsExactly("installed_on");
		assertThat(log4j.events().statuses()).containsExactly("open");
		assertThat(read("alerts from prometheus in the last 24 hours").events().sources()).containsExactly("prometheus");
		QueryPlan hosts = readNaming("critical incidents on the servers where the Payments API runs", "Payments API");
		assertThat(hosts.relation()).extracting(RelationClause::answer, RelationClause::types)
			.containsExactly("targets", List.of("runs_on"));
	}

	@Test
	void readsAWordOfLoadWithANumberAsTheNumber() {
		assertThat(read("servers running hot with CPU above 48% last week").metric())
			.extracting(MetricClause::operator, MetricClause::threshold).containsExactly(">", 48.0);
		assertThat(read("servers short on memory, above 68% last week").metric())
			.extracting(MetricClause::metric, MetricClause::threshold).containsExactly("memory_usage", 68.0);
	}

}
