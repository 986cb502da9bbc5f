package io.nopesight.core.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.core.Page;
import io.nopesight.core.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class AuditLogIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	AuditLog log;

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

	private static AuditEntry entry(String actor, Instant at, String target) {
		return new AuditEntry(0, at, actor, "token_1", "api_key", "POST", "/v1/cmdb/ci", "/v1/cmdb/ci", 201, "req_1",
				target);
	}

}
