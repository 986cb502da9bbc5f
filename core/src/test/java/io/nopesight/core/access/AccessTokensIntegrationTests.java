package io.nopesight.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.ConflictException;
import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@CoreIntegrationTest
class AccessTokensIntegrationTests {

	@Autowired
	AccessTokens tokens;

	@Autowired
	ServiceAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void runTheClock() {
		this.clock.unfreeze();
	}

	@Test
	void issueWhenStoredKeepsOnlyTheHash() {
		// given
		IssuedToken issued = this.tokens.issue(new NewToken(TokenKind.DISCOVERY, "scanner", "lab", "scanner",
				Set.of("discovery.submit"), Instant.now().plus(Duration.ofDays(1)), "admin", null));
		// when
		String stored = this.jdbc.sql("SELECT token_hash FROM access_token WHERE id = :id")
			.param("id", issued.id())
			.query(String.class)
			.single();
		// then
		assertThat(issued.token()).startsWith("nsd_k_");
		assertThat(stored).isEqualTo(DefaultAccessTokens.hash(issued.token())).doesNotContain(issued.token());
		assertThat(this.tokens.authenticate(issued.token())).get()
			.satisfies((p) -> assertThat(p.owner()).isEqualTo("scanner"))
			.satisfies((p) -> assertThat(p.kind()).isEqualTo(TokenKind.DISCOVERY));
	}

	@Test
	void authenticateWhenExpiredFindsNothingThoughItWasCached() {
		// given: a stopped clock 999 ns into a microsecond, which PostgreSQL, keeping microseconds, would round up
		Instant frozen = this.clock.freeze();
		Instant now = this.clock.advance(Duration.ofNanos(999 - frozen.getNano() % 1000));
		IssuedToken expiring = this.tokens.issue(TokenKind.API_KEY, "e", "e", Set.of("cmdb.read"),
				now.plusSeconds(1));
		assertThat(this.tokens.authenticate(expiring.token())).as("until it expires").isPresent();
		assertThat(this.tokens.isActive(expiring.id())).isTrue();
		// when
		this.clock.advance(Duration.ofSeconds(1));
		// then
		assertThat(expiring.expiresAt()).isBeforeOrEqualTo(now.plusSeconds(1));
		assertThat(this.tokens.authenticate(expiring.token())).isEmpty();
		assertThat(this.tokens.isActive(expiring.id())).isFalse();
	}

	@Test
	void authenticateWhenRevokedFindsNothing() {
		// given
		IssuedToken revoked = this.tokens.issue(TokenKind.API_KEY, "r", "r", Set.of("cmdb.read"), null);
		assertThat(this.tokens.authenticate(revoked.token())).isPresent();
		// when
		TokenInfo info = this.tokens.revoke(TokenKind.API_KEY, null, revoked.id());
		// then
		assertThat(info.revokedAt()).isNotNull();
		assertThat(this.tokens.authenticate(revoked.token())).isEmpty();
		assertThat(this.tokens.isActive(revoked.id())).isFalse();
		assertThatExceptionOfType(TokenNotFoundException.class)
			.isThrownBy(() -> this.tokens.revoke(TokenKind.DISCOVERY, null, revoked.id()));
	}

	@Test
	void deleteServiceAccountWhenItHasKeysRevokesThemAll() {
		// given
		ServiceAccount account = this.accounts.create("deploy-bot", null, Set.of("cmdb.read", "cmdb.write"), "admin");
		IssuedToken key = this.accounts.issueKey(account.id(), "k", Set.of("cmdb.read"), null, "admin");
		assertThat(this.tokens.authenticate(key.token())).get()
			.satisfies((p) -> assertThat(p.owner()).isEqualTo("deploy-bot"));
		// when
		this.accounts.delete(account.id());
		// then
		assertThat(this.tokens.authenticate(key.token())).isEmpty();
		assertThatExceptionOfType(ServiceAccountNotFoundException.class)
			.isThrownBy(() -> this.accounts.get(account.id()));
		assertThat(this.accounts.create("deploy-bot", null, Set.of("cmdb.read"), "admin").name())
			.as("the name is free again")
			.isEqualTo("deploy-bot");
	}

	@Test
	void createServiceAccountWhenNameIsTakenOrKeyWantsMoreScopesIsRefused() {
		// given
		ServiceAccount account = this.accounts.create("narrow-bot", null, Set.of("cmdb.read"), "admin");
		// when / then
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.accounts.create("narrow-bot", null, Set.of("cmdb.read"), "admin"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.accounts.issueKey(account.id(), "k", Set.of("admin"), null, "admin"));
	}

	@Test
	void checkWhenScopesOrLifetimesAreUnknownThrowsInvalidInput() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Scopes.check(List.of("cmdb.read", "cmdb.nuke"), "scopes"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting("field").containsExactly("scopes"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Scopes.check(null, "scopes"));
		assertThat(Lifetimes.parse("365d", "expires_in")).isEqualTo(Duration.ofDays(365));
		assertThat(Lifetimes.parse("12h", "expires_in")).isEqualTo(Duration.ofHours(12));
		assertThat(Lifetimes.parse("2w", "expires_in")).isEqualTo(Duration.ofDays(14));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Lifetimes.parse("0d", "expires_in"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Lifetimes.parse("9999d", "expires_in"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Lifetimes.parse("1y", "expires_in"));
	}

}
