package io.nopesight.nlq;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.nlq.NameMention.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which CIs a question names, against an index of a fixed list of names.
 */
class CiNameMatcherTests {

	private static final CiNameIndex NAMES = names();

	private static CiNameIndex names() {
		CiNameIndex.Builder names = CiNameIndex.builder();
		for (int i = 1; i <= 12; i++) {
			names.add(String.format("PROD-WEB-%02d", i), List.of("server"));
		}
		names.add("VMWARE-HOST-02", List.of("server")).add("KSDC01", List.of("server"));
		for (String database : List.of("orders-db", "billing-db", "test-db")) {
			names.add(database, List.of("database"));
		}
		for (String application : List.of("Payments API", "Payments Worker", "Billing Engine", "Customer Portal API",
				"Customer Portal Web", "search-api", "search-app", "Production", "Windoes 11")) {
			names.add(application, List.of("application"));
		}
		names.add("Apache Log4j 2.14.1", List.of("software")).add("Apache Log4j 2.17.1", List.of("software"));
		return names.build(1);
	}

	private static List<NameMention> mentions(String question) {
		return CiNameMatcher.mentions(question, NAMES);
	}

	@Test
	void mentionsWhenANameIsWrittenAsItIsGivesItAndWhereItIs() {
		// when
		List<NameMention> mentions = mentions("events on PROD-WEB-01 in the last 30 days");
		// then
		assertThat(mentions).containsExactly(new NameMention(10, 21, "PROD-WEB-01", List.of("PROD-WEB-01"), Kind.EXACT, 1));
		assertThat(mentions("what depends on ORDERS-DB")).extracting(NameMention::names, NameMention::kind)
			.containsExactly(tuple(List.of("orders-db"), Kind.EXACT));
	}

	@Test
	void mentionsWhenCaseOrSeparatorsDifferGivesTheNameAsTheCmdbSpellsIt() {
		assertThat(mentions("cpu of prod web 01 last week")).extracting(NameMention::written, NameMention::names,
				NameMention::kind)
			.containsExactly(tuple("prod web 01", List.of("PROD-WEB-01"), Kind.EXACT));
		assertThat(mentions("is PROD_WEB_01 up")).extracting(NameMention::names, NameMention::kind)
			.containsExactly(tuple(List.of("PROD-WEB-01"), Kind.EXACT));
		assertThat(mentions("events on ksdc-01")).extracting(NameMention::names).containsExactly(List.of("KSDC01"));
	}

	@Test
	void mentionsWhenANameIsMisspeltGivesTheOneNameClosest() {
		assertThat(List.of("PROD-WEB-1", "PROD-WBE-01", "PORD-WEB-01")).allSatisfy((written) -> assertThat(
				mentions("peak cpu of " + written)).extracting(NameMention::written, NameMention::names, NameMention::kind)
			.containsExactly(tuple(written, List.of("PROD-WEB-01"), Kind.MISSPELT)));
		assertThat(mentions("what depends on odrers-db")).extracting(NameMention::names, NameMention::kind)
			.containsExactly(tuple(List.of("orders-db"), Kind.MISSPELT));
		assertThat(mentions("Which servers host the Paymnts API?")).extracting(NameMention::names)
			.containsExactly(List.of("Payments API"));
	}

	@Test
	void mentionsWhenANumberDiffersFindsNoName() {
		// PROD-WEB-13 is one edit from PROD-WEB-12, and another server altogether
		assertThat(mentions("events on PROD-WEB-13")).isEmpty();
		assertThat(mentions("events on PROD-WBE-13")).isEmpty();
	}

	@Test
	void mentionsWhenWordsStartSeveralNamesIsAmbiguousWithTheFirstTenOfThem() {
		// when
		List<NameMention> mentions = mentions("average cpu of PROD-WEB last week");
		// then
		assertThat(mentions).singleElement().satisfies((mention) -> {
			assertThat(mention.ambiguous()).isTrue();
			assertThat(mention.written()).isEqualTo("PROD-WEB");
			assertThat(mention.count()).isEqualTo(12);
			assertThat(mention.names()).containsExactly("PROD-WEB-01", "PROD-WEB-02", "PROD-WEB-03", "PROD-WEB-04",
					"PROD-WEB-05", "PROD-WEB-06", "PROD-WEB-07", "PROD-WEB-08", "PROD-WEB-09", "PROD-WEB-10");
		});
		assertThat(mentions("Which servers host the Customer Portal?")).extracting(NameMention::names,
				NameMention::kind)
			.containsExactly(tuple(List.of("Customer Portal API", "Customer Portal Web"), Kind.AMBIGUOUS));
	}

	@Test
	void mentionsWhenAMisspellingIsAsCloseToSeveralNamesIsAmbiguous() {
		assertThat(mentions("what depends on search-apj")).extracting(NameMention::names, NameMention::kind,
				NameMention::count)
			.containsExactly(tuple(List.of("search-api", "search-app"), Kind.AMBIGUOUS, 2));
	}

	@Test
	void mentionsWhenTheWordsAreTheQuestionsOwnFindsNoName() {
		assertThat(List.of("production servers running Windows 11 with high cpu in the last 24 hours",
				"prod web servers", "PROD WEB servers", "non-production databases in DC1 with 32 GB of memory",
				"Show Me All Servers In Production", "test databases", "what is at 10.1.2.3?", "servers on Ubuntu 22.04"))
			.allSatisfy((question) -> assertThat(mentions(question)).as(question).isEmpty());
	}

	@Test
	void mentionsWhenANameHasSeveralWordsFindsItInTheQuestion() {
		// given
		String question = "Which servers host the Payments API?";
		// when
		List<NameMention> mentions = mentions(question);
		// then
		assertThat(mentions).containsExactly(new NameMention(question.indexOf("Payments"), question.indexOf("?"),
				"Payments API", List.of("Payments API"), Kind.EXACT, 1));
		assertThat(mentions("what runs the payments api")).extracting(NameMention::names)
			.containsExactly(List.of("Payments API"));
		assertThat(mentions("Customer Portal Web and billing engine")).extracting(NameMention::names)
			.containsExactly(List.of("Customer Portal Web"), List.of("Billing Engine"));
	}

	@Test
	void mentionsWhenSoftwareIsNamedWithoutItsVersionLeavesItForEveryVersion() {
		assertThat(mentions("servers with Apache Log4j installed")).isEmpty();
		assertThat(mentions("servers with Apache Log4j 2.14.1 installed")).extracting(NameMention::names)
			.containsExactly(List.of("Apache Log4j 2.14.1"));
	}

}
