package io.nopesight.core.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.Ids;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;

import static org.assertj.core.api.Assertions.assertThat;

@CoreIntegrationTest
class AuditLogIntegrationTests {

	@Autowired
	AuditLog log;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void findWhenFilteredByActorAndTimeReturnsNewestFirst() {
		// given
		Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
		this.log.record(entry("alice", t0, "ci_1"));
		this.log.record(entry("alice", t0.plusSeconds(60), "ci_2"));
		this.log.record(entry("bob", t0.plusSeconds(30), "ci_3"));
		// when
		Page<AuditEntry> alice = this.log.find(new AuditQuery("alice", null, null), 1, 10);
		Page<AuditEntry> window = this.log.find(new AuditQuery(null, t0.plusSeconds(1), t0.plusSeconds(60)), 1, 10);
		// then
		assertThat(alice.items()).extracting(AuditEntry::targetId).containsExactly("ci_2", "ci_1");
		assertThat(alice.total()).isEqualTo(2);
		assertThat(window.items()).extracting(AuditEntry::targetId).containsExactly("ci_3");
	}

	@Test
	void beginWhenTheChangeCommitsStoresTheEntryInTheChangesOwnTransaction() {
		// given
		String requestId = Ids.next("req");
		String name = "AUDIT-" + requestId;
		// when: the change commits, and the node stops before it can answer
		AuditRecording recording = this.log.begin(write(requestId, null));
		String ciId;
		try {
			ciId = this.transaction.execute((status) -> this.cmdb.create(server(name), "carol").id());
		}
		finally {
			recording.close();
		}
		// then: the entry is there, written by the very transaction that created the CI
		AuditEntry entry = entryOf(requestId);
		assertThat(entry.status()).as("no answer was recorded").isNull();
		assertThat(entry.route()).isEqualTo("/v1/cmdb/ci");
		assertThat(this.jdbc.sql("""
				SELECT (SELECT xmin::text FROM audit_log WHERE request_id = :requestId)
				     = (SELECT xmin::text FROM configuration_item WHERE id = :ciId)
				""").param("requestId", requestId).param("ciId", ciId).query(Boolean.class).single()).isTrue();
	}

	@Test
	void finishWhenTheChangeCommittedAddsTheStatusAndTargetToItsEntry() {
		// given
		String requestId = Ids.next("req");
		try (AuditRecording recording = this.log.begin(write(requestId, null))) {
			String ciId = this.transaction
				.execute((status) -> this.cmdb.create(server("AUDIT-" + requestId), "carol").id());
			// when
			recording.finish(201, ciId);
			// then
			AuditEntry entry = entryOf(requestId);
			assertThat(entry.status()).isEqualTo(201);
			assertThat(entry.targetId()).isEqualTo(ciId);
		}
		assertThat(this.log.find(new AuditQuery("carol", null, null), 1, 100).items())
			.filteredOn((e) -> requestId.equals(e.requestId()))
			.hasSize(1);
	}

	@Test
	void finishWhenTheTransactionRolledBackStoresTheRefusalOnItsOwn() {
		// given
		String requestId = Ids.next("req");
		try (AuditRecording recording = this.log.begin(write(requestId, "ci_given"))) {
			this.transaction.executeWithoutResult((status) -> {
				this.cmdb.create(server("AUDIT-" + requestId), "carol");
				status.setRollbackOnly();
			});
			assertThat(this.log.find(new AuditQuery("carol", null, null), 1, 100).items())
				.noneMatch((e) -> requestId.equals(e.requestId()));
			// when
			recording.finish(409, null);
		}
		// then
		AuditEntry entry = entryOf(requestId);
		assertThat(entry.status()).isEqualTo(409);
		assertThat(entry.targetId()).isEqualTo("ci_given");
	}

	@Test
	void beginWhenAReadOnlyTransactionRunsStoresNothingInIt() {
		// given
		String requestId = Ids.next("req");
		AuditRecording recording = this.log.begin(write(requestId, null));
		try {
			// when
			TransactionTemplate readOnly = new TransactionTemplate(this.transaction.getTransactionManager());
			readOnly.setReadOnly(true);
			readOnly.executeWithoutResult((status) -> this.cmdb.findByName("AUDIT-" + requestId));
			// then
			assertThat(this.log.find(new AuditQuery("carol", null, null), 1, 100).items())
				.noneMatch((e) -> requestId.equals(e.requestId()));
		}
		finally {
			recording.close();
		}
	}

	private AuditEntry entryOf(String requestId) {
		return this.log.find(new AuditQuery("carol", null, null), 1, 100)
			.items()
			.stream()
			.filter((e) -> requestId.equals(e.requestId()))
			.findFirst()
			.orElseThrow();
	}

	private static NewConfigurationItem server(String name) {
		return new NewConfigurationItem(name, "server", "active", null, Map.of(), Map.of());
	}

	private static AuditedWrite write(String requestId, @Nullable String targetId) {
		return new AuditedWrite() {

			@Override
			public String actor() {
				return "carol";
			}

			@Override
			public String tokenId() {
				return "token_carol";
			}

			@Override
			public String tokenKind() {
				return "api_key";
			}

			@Override
			public String method() {
				return "POST";
			}

			@Override
			public String path() {
				return "/v1/cmdb/ci";
			}

			@Override
			public String route() {
				return "/v1/cmdb/ci";
			}

			@Override
			public String requestId() {
				return requestId;
			}

			@Override
			public @Nullable String targetId() {
				return targetId;
			}

		};
	}

	private static AuditEntry entry(String actor, Instant at, String target) {
		return new AuditEntry(0, at, actor, "token_1", "api_key", "POST", "/v1/cmdb/ci", "/v1/cmdb/ci", 201, "req_1",
				target);
	}

}
