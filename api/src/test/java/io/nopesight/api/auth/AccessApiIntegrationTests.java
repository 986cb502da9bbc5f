package io.nopesight.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.api.JwtKeys;
import io.nopesight.core.TestClock;
import io.nopesight.core.access.Scopes;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class AccessApiIntegrationTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/**
	 * A sample of endpoints for every scope that has endpoints in this build, and what each needs.
	 */
	private static final List<Endpoint> ENDPOINTS = List.of(new Endpoint("GET", "/v1/cmdb/ci", "cmdb.read"),
			new Endpoint("GET", "/v1/cmdb/relationships", "cmdb.read"),
			new Endpoint("GET", "/v1/api/ci/find-by-ip/10.9.9.9", "cmdb.read"),
			new Endpoint("POST", "/v1/cmdb/ci", "cmdb.write"), new Endpoint("GET", "/v1/audit", "admin"),
			new Endpoint("GET", "/v1/auth/api-keys", "admin"), new Endpoint("GET", "/v1/discovery/tokens", "admin"),
			new Endpoint("GET", "/v1/auth/service-accounts", "admin"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	ApiClient admin;

	@BeforeEach
	void client() {
		this.admin = ApiClient.admin(this.port);
	}

	@AfterEach
	void runTheClock() {
		this.clock.unfreeze();
	}

	@Test
	void callWhenTokenOfEveryKindHasTheScopeSucceedsAndOtherwiseGets403() {
		for (Kind kind : kinds()) {
			for (Endpoint endpoint : ENDPOINTS) {
				// given
				String with = kind.issue().apply(Set.of(endpoint.scope()));
				String without = kind.issue().apply(allBut(endpoint.scope()));
				// when
				Response allowed = call(with, endpoint);
				Response denied = call(without, endpoint);
				// then
				String what = kind.name() + " " + endpoint;
				assertThat(allowed.status()).as(what + " with the scope: " + allowed.body()).isBetween(200, 299);
				assertThat(denied.status()).as(what + " without the scope").isEqualTo(403);
				assertThat(denied.json().at("/error/code").asString()).isEqualTo("PERMISSION_DENIED");
				assertThat(denied.json().at("/error/details/0/error").asString()).contains(endpoint.scope());
			}
		}
	}

	@Test
	void whoAmIWhenTokenOfEveryKindAsksAnswersItsScopesAndWithoutATokenIs401() {
		for (Kind kind : kinds()) {
			String token = kind.issue().apply(Set.of("cmdb.read", "events.read"));
			Response me = as(token).get("/v1/auth/whoami");
			assertThat(me.status()).as(kind.name() + " " + me.body()).isEqualTo(200);
			assertThat(me.json().get("scopes").valueStream().map(JsonNode::asString).toList()).as(kind.name())
				.containsExactly("cmdb.read", "events.read");
			assertThat(me.json().get("owner").asString()).isNotBlank();
		}
		assertThat(this.admin.get("/v1/auth/whoami").json().get("scopes").get(0).asString()).isEqualTo("admin");
		assertThat(as("nsk_not-a-real-key-at-all").get("/v1/auth/whoami").status()).isEqualTo(401);
	}

	@Test
	void callWhenTokenHasAdminScopeSucceedsEverywhere() {
		for (Kind kind : kinds()) {
			String token = kind.issue().apply(Set.of("admin"));
			for (Endpoint endpoint : ENDPOINTS) {
				assertThat(call(token, endpoint).status()).as(kind.name() + " " + endpoint).isBetween(200, 299);
			}
		}
	}

	@Test
	void callWhenStoredTokenHasExpiredGets401AtOnce() {
		// given: a stopped clock, so each token lives exactly the second it was issued for; 999 ns into a
		// microsecond, which PostgreSQL, keeping microseconds, would round up
		Instant frozen = this.clock.freeze();
		Instant now = this.clock.advance(Duration.ofNanos(999 - frozen.getNano() % 1000));
		Map<String, String> tokens = new LinkedHashMap<>();
		for (String path : List.of("/v1/auth/api-keys", "/v1/discovery/tokens")) {
			Map<String, Object> request = tokenRequest("short-lived", List.of("cmdb.read"));
			request.put("expires_in", "1s");
			tokens.put(path, token(this.admin.post(path, request)));
		}
		String account = serviceAccount("short-lived-bot", List.of("cmdb.read"));
		Response key = this.admin.post("/v1/auth/service-accounts/" + account + "/keys",
				Map.of("name", "k", "expires_in", "1s"));
		tokens.put("service account key", token(key));
		assertThat(Instant.parse(key.json().get("expires_at").asString()))
			.isEqualTo(now.plusSeconds(1).truncatedTo(ChronoUnit.MICROS));
		tokens.forEach((what, token) -> assertThat(as(token).get("/v1/cmdb/ci").status()).as(what).isEqualTo(200));
		// when: the clock reaches the expiry instant
		this.clock.advance(Duration.ofSeconds(1));
		// then
		tokens.forEach((what, token) -> {
			Response response = as(token).get("/v1/cmdb/ci");
			assertThat(response.status()).as(what).isEqualTo(401);
			assertThat(response.json().at("/error/code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
		});
		assertThat(this.admin.get("/v1/auth/service-accounts/" + account + "/keys").json().at("/data/0/status")
			.asString()).isEqualTo("expired");
	}

	@Test
	void callWhenJwtHasExpiredGets401() {
		// given
		JWTClaimsSet expired = JwtKeys.claims("expired-user", "cmdb.read", -300);
		// when
		Response hs = as(JwtKeys.hs256(expired, JwtKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8)))
			.get("/v1/cmdb/ci");
		Response rs = as(JwtKeys.rs256(expired, JwtKeys.RSA)).get("/v1/cmdb/ci");
		// then
		assertThat(hs.status()).isEqualTo(401);
		assertThat(rs.status()).isEqualTo(401);
		assertThat(rs.json().at("/error/code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
	}

	@Test
	void callWhenApiKeyIsRevokedGets401AtOnceAndSoDoJwtsMintedFromIt() {
		// given
		Response created = this.admin.post("/v1/auth/api-keys", tokenRequest("revoked-key", List.of("cmdb.read")));
		String key = created.json().get("token").asString();
		String jwt = as(key).post("/v1/auth/token", Map.of()).json().get("access_token").asString();
		assertThat(as(key).get("/v1/cmdb/ci").status()).isEqualTo(200);
		assertThat(as(jwt).get("/v1/cmdb/ci").status()).isEqualTo(200);
		// when
		Response revoked = this.admin.delete("/v1/auth/api-keys/" + created.json().get("id").asString());
		// then
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.json().get("status").asString()).isEqualTo("revoked");
		assertThat(as(key).get("/v1/cmdb/ci").status()).isEqualTo(401);
		assertThat(as(jwt).get("/v1/cmdb/ci").status()).isEqualTo(401);
	}

	@Test
	void callWhenDiscoveryTokenOrServiceAccountKeyIsRevokedGets401AtOnce() {
		// given
		Response discovery = this.admin.post("/v1/discovery/tokens",
				tokenRequest("revoked-scanner", List.of("cmdb.read")));
		String account = serviceAccount("revoked-bot", List.of("cmdb.read"));
		Response key = this.admin.post("/v1/auth/service-accounts/" + account + "/keys", Map.of("name", "k1"));
		Response otherKey = this.admin.post("/v1/auth/service-accounts/" + account + "/keys", Map.of("name", "k2"));
		String otherToken = otherKey.json().get("token").asString();
		assertThat(as(otherToken).get("/v1/cmdb/ci").status()).isEqualTo(200);
		// when
		this.admin.delete("/v1/discovery/tokens/" + discovery.json().get("id").asString());
		this.admin.delete("/v1/auth/service-accounts/" + account + "/keys/" + key.json().get("id").asString());
		Response afterKeyRevoke = as(otherToken).get("/v1/cmdb/ci");
		Response deleted = this.admin.delete("/v1/auth/service-accounts/" + account);
		// then
		assertThat(as(discovery.json().get("token").asString()).get("/v1/cmdb/ci").status()).isEqualTo(401);
		assertThat(as(key.json().get("token").asString()).get("/v1/cmdb/ci").status()).isEqualTo(401);
		assertThat(afterKeyRevoke.status()).isEqualTo(200);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(as(otherToken).get("/v1/cmdb/ci").status()).isEqualTo(401);
		assertThat(this.admin.get("/v1/auth/service-accounts/" + account).status()).isEqualTo(404);
	}

	@Test
	void callWhenTokenIsMalformedOrUnknownGets401InTheErrorFormat() {
		List<String> headers = List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer nsk_doesnotexist",
				"Bearer a.b.c", "Bearer a.b.", "Bearer ..", "Bearer " + "x".repeat(5000),
				"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0");
		for (String header : headers) {
			// when
			Response response = new ApiClient(this.port, null).send("GET", "/v1/cmdb/ci",
					Map.of("Authorization", header), new byte[0]);
			// then
			assertThat(response.status()).as(header).isEqualTo(401);
			assertThat(response.json().at("/error/code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
		}
		Response missing = new ApiClient(this.port, null).get("/v1/cmdb/ci");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void callWhenJwtIsForgedGets401() {
		// given
		JWTClaimsSet claims = JwtKeys.claims("mallory", "admin", 300);
		String good = JwtKeys.rs256(claims, JwtKeys.RSA);
		String[] parts = good.split("\\.");
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(JwtKeys.claims("mallory2", "admin", 300).toString().getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		Map<String, String> forged = new LinkedHashMap<>();
		forged.put("signed by another RSA key", JwtKeys.rs256(claims, JwtKeys.OTHER_RSA));
		forged.put("HS256 with another secret",
				JwtKeys.hs256(claims, "another-secret-of-at-least-32-bytes!!!".getBytes(StandardCharsets.UTF_8)));
		forged.put("payload changed after signing", tampered);
		forged.put("alg none", JwtKeys.unsigned(claims));
		forged.put("HS256 keyed with the RSA public key (HS/RS confusion)",
				JwtKeys.hs256(claims, JwtKeys.publicPem().getBytes(StandardCharsets.UTF_8)));
		forged.put("RS256 header over an HMAC signature", JwtKeys.rs256HeaderWithHmacSignature(claims));
		forged.put("no exp", JwtKeys.rs256(new JWTClaimsSet.Builder(claims).expirationTime(null).build(), JwtKeys.RSA));
		forged.put("no iat", JwtKeys.rs256(new JWTClaimsSet.Builder(claims).issueTime(null).build(), JwtKeys.RSA));
		forged.put("no sub", JwtKeys.rs256(new JWTClaimsSet.Builder(claims).subject(null).build(), JwtKeys.RSA));
		forged.put("iat in the future", JwtKeys.rs256(new JWTClaimsSet.Builder(claims)
			.issueTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
			.build(), JwtKeys.RSA));
		forged.put("another issuer",
				JwtKeys.rs256(new JWTClaimsSet.Builder(claims).issuer("https://evil.example").build(), JwtKeys.RSA));
		// when / then
		assertThat(as(good).get("/v1/audit").status()).isEqualTo(200);
		forged.forEach((what, token) -> {
			Response response = as(token).get("/v1/audit");
			assertThat(response.status()).as(what).isEqualTo(401);
			assertThat(response.json().at("/error/code").asString()).as(what).isEqualTo("AUTHENTICATION_REQUIRED");
		});
	}

	@Test
	void writeWhenMadeWithEachKindOfTokenNamesItsOwnerAsCreatedBy() {
		// given
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("alice@company.com", apiKey("alice@company.com", Set.of("cmdb.write", "cmdb.read")));
		tokens.put("inventory-bot", serviceAccountKey("inventory-bot", Set.of("cmdb.write", "cmdb.read")));
		tokens.put("Production Scanner", discoveryToken("Production Scanner", Set.of("cmdb.write", "cmdb.read")));
		tokens.put("idp-user@company.com", JwtKeys.rs256(JwtKeys.claims("idp-user@company.com", "cmdb.write cmdb.read", 300),
				JwtKeys.RSA));
		tokens.forEach((owner, token) -> {
			// when
			Response created = as(token).post("/v1/cmdb/ci", ci());
			String id = created.json().get("id").asString();
			Response updated = as(token).put("/v1/cmdb/ci/" + id, Map.of("status", "maintenance"));
			// then
			assertThat(created.status()).as(owner).isEqualTo(201);
			assertThat(updated.json().get("created_by").asString()).as(owner).isEqualTo(owner);
			assertThat(updated.json().get("updated_by").asString()).as(owner).isEqualTo(owner);
		});
	}

	@Test
	void createDiscoveryTokenWhenAsTheReferenceShowsReturnsTheSecretOnce() {
		// given
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("name", "Production Scanner");
		request.put("description", "Token for production network scanner");
		request.put("expires_in", "365d");
		request.put("scopes", List.of("discovery.submit", "discovery.read"));
		// when
		Response created = this.admin.post("/v1/discovery/tokens", request);
		Response listed = this.admin.get("/v1/discovery/tokens?limit=100");
		// then
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("id").asString()).startsWith("token_");
		assertThat(body.get("token").asString()).startsWith("nsd_k_").hasSizeGreaterThan(30);
		assertThat(body.get("name").asString()).isEqualTo("Production Scanner");
		assertThat(Instant.parse(body.get("expires_at").asString()))
			.isBetween(Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(366)));
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.header("X-Total-Count")).isNotNull();
		assertThat(listed.body()).contains(body.get("id").asString()).doesNotContain(body.get("token").asString());
		JsonNode row = listed.json()
			.get("data")
			.valueStream()
			.filter((n) -> n.get("id").asString().equals(body.get("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(row.get("description").asString()).isEqualTo("Token for production network scanner");
		assertThat(row.get("status").asString()).isEqualTo("active");
		assertThat(row.get("created_by").asString()).isEqualTo("admin");
	}

	@Test
	void createTokenWhenRequestIsInvalidGets400() {
		Map<String, Map<String, Object>> invalid = new LinkedHashMap<>();
		invalid.put("scopes", Map.of("name", "x", "scopes", List.of("cmdb.read", "cmdb.destroy")));
		invalid.put("name", Map.of("scopes", List.of("cmdb.read")));
		invalid.put("expires_in", Map.of("name", "x", "scopes", List.of("cmdb.read"), "expires_in", "forever"));
		for (String path : List.of("/v1/auth/api-keys", "/v1/discovery/tokens", "/v1/auth/service-accounts")) {
			invalid.forEach((field, body) -> {
				if (path.endsWith("service-accounts") && field.equals("expires_in")) {
					return;
				}
				Response response = this.admin.post(path, body);
				assertThat(response.status()).as(path + " " + field).isEqualTo(400);
				assertThat(response.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
				assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo(field);
			});
		}
		Response unknownScope = this.admin.post("/v1/auth/api-keys",
				Map.of("name", "x", "scopes", List.of("cmdb.destroy")));
		assertThat(unknownScope.json().at("/error/details/0/error").asString()).contains("cmdb.destroy");
	}

	@Test
	void createTokenWhenCallerIsNotAdminGets403() {
		// given
		String writer = apiKey("writer", Set.of("cmdb.write", "cmdb.read", "discovery.submit"));
		// when / then
		assertThat(as(writer).post("/v1/auth/api-keys", tokenRequest("escalate", List.of("admin"))).status())
			.isEqualTo(403);
		assertThat(as(writer).post("/v1/discovery/tokens", tokenRequest("escalate", List.of("admin"))).status())
			.isEqualTo(403);
		assertThat(as(writer).post("/v1/auth/service-accounts", tokenRequest("escalate", List.of("admin"))).status())
			.isEqualTo(403);
	}

	@Test
	void exchangeWhenApiKeyOrServiceAccountAsksGetsAJwtWithNoMoreScopes() {
		// given
		String key = apiKey("exchanger", Set.of("cmdb.read", "cmdb.write"));
		String account = serviceAccountKey("exchange-bot", Set.of("cmdb.read"));
		// when
		Response narrowed = as(key).post("/v1/auth/token", Map.of("scopes", List.of("cmdb.read"), "expires_in", "10m"));
		Response fromAccount = as(account).post("/v1/auth/token", Map.of());
		Response wider = as(key).post("/v1/auth/token", Map.of("scopes", List.of("admin")));
		Response unknown = as(key).post("/v1/auth/token", Map.of("scopes", List.of("root")));
		Response tooLong = as(key).post("/v1/auth/token", Map.of("expires_in", "365d"));
		String jwt = narrowed.json().get("access_token").asString();
		// then
		assertThat(narrowed.status()).isEqualTo(200);
		assertThat(narrowed.json().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(narrowed.json().get("expires_in").asLong()).isEqualTo(600);
		assertThat(narrowed.json().get("scope").asString()).isEqualTo("cmdb.read");
		assertThat(narrowed.json().get("algorithm").asString()).isEqualTo("RS256");
		assertThat(as(jwt).get("/v1/cmdb/ci").status()).isEqualTo(200);
		assertThat(as(jwt).post("/v1/cmdb/ci", ci()).status()).isEqualTo(403);
		assertThat(fromAccount.status()).isEqualTo(200);
		assertThat(fromAccount.json().get("scope").asString()).isEqualTo("cmdb.read");
		assertThat(wider.status()).isEqualTo(403);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(as(jwt).post("/v1/auth/token", Map.of()).status()).as("a JWT cannot mint a JWT").isEqualTo(403);
		assertThat(as(discoveryToken("exchange-scanner", Set.of("cmdb.read"))).post("/v1/auth/token", Map.of())
			.status()).isEqualTo(403);
	}

	@Test
	void createServiceAccountKeyWhenScopesGoBeyondTheAccountGets400() {
		// given
		String account = serviceAccount("narrow-bot", List.of("cmdb.read"));
		// when
		Response beyond = this.admin.post("/v1/auth/service-accounts/" + account + "/keys",
				Map.of("name", "k", "scopes", List.of("cmdb.write")));
		Response duplicate = this.admin.post("/v1/auth/service-accounts",
				Map.of("name", "narrow-bot", "scopes", List.of("cmdb.read")));
		Response keys = this.admin.get("/v1/auth/service-accounts/" + account + "/keys");
		Response missing = this.admin.post("/v1/auth/service-accounts/sa_missing/keys", Map.of("name", "k"));
		// then
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(keys.status()).isEqualTo(200);
		assertThat(keys.json().at("/pagination/total").asLong()).isZero();
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().at("/error/code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
	}

	@Test
	void createTokenWhenIssuedAnswersWithTheScopesItWasGranted() {
		// given
		String account = serviceAccount("granted-bot", List.of("cmdb.write", "cmdb.read"));
		// when
		Response apiKey = this.admin.post("/v1/auth/api-keys",
				tokenRequest("granted-key", List.of("cmdb.write", "cmdb.read")));
		Response accountScopes = this.admin.post("/v1/auth/service-accounts/" + account + "/keys", Map.of("name", "all"));
		Response fewer = this.admin.post("/v1/auth/service-accounts/" + account + "/keys",
				Map.of("name", "fewer", "scopes", List.of("cmdb.read")));
		// then
		assertThat(scopes(apiKey)).containsExactly("cmdb.read", "cmdb.write");
		assertThat(scopes(accountScopes)).as("a key without scopes gets the account's").containsExactly("cmdb.read",
				"cmdb.write");
		assertThat(scopes(fewer)).containsExactly("cmdb.read");
	}

	@Test
	void openApiWhenReadListsTheScopeAndADeclaredTagOfEveryOperation() {
		// when
		JsonNode document = new ApiClient(this.port, null).get("/v1/openapi.json").json();
		JsonNode paths = document.get("paths");
		// then
		List<String> tags = new ArrayList<>();
		document.get("tags").forEach((tag) -> tags.add(tag.get("name").asString()));
		List<String> missing = new ArrayList<>();
		paths.properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (operation.getValue().get("x-required-scope") == null) {
				missing.add(operation.getKey() + " " + path.getKey());
			}
			operation.getValue().get("tags").forEach((tag) -> {
				if (!tags.contains(tag.asString())) {
					missing.add(operation.getKey() + " " + path.getKey() + " tag " + tag.asString());
				}
			});
		}));
		assertThat(tags).startsWith("Configuration items", "Relationships");
		assertThat(paths.has("/v1/auth/api-keys")).isTrue();
		assertThat(paths.at("/~1v1~1discovery~1tokens/post/x-required-scope").asString()).isEqualTo("admin");
		assertThat(missing).isEmpty();
	}

	@Test
	void callWhenRouteIsDeprecatedByConfigurationCarriesDeprecationHeaders() {
		// when
		Response deprecated = this.admin.get("/v1/cmdb/relationships");
		Response current = this.admin.get("/v1/cmdb/ci");
		// then
		assertThat(deprecated.header("X-API-Deprecation-Date")).isEqualTo("2025-01-01");
		assertThat(deprecated.header("X-API-Deprecation-Info")).isEqualTo("https://docs.nopesight.com/api/v2-migration");
		assertThat(deprecated.header("Deprecation")).isEqualTo("@1735689600");
		assertThat(deprecated.header("Sunset")).isEqualTo("Thu, 01 Jul 2027 00:00:00 GMT");
		assertThat(current.header("X-API-Deprecation-Date")).isNull();
		assertThat(current.header("Deprecation")).isNull();
	}

	private List<Kind> kinds() {
		return List.of(new Kind("api key", (scopes) -> apiKey("key-" + SEQUENCE.incrementAndGet(), scopes)),
				new Kind("service account key",
						(scopes) -> serviceAccountKey("bot-" + SEQUENCE.incrementAndGet(), scopes)),
				new Kind("discovery token",
						(scopes) -> discoveryToken("scanner-" + SEQUENCE.incrementAndGet(), scopes)),
				new Kind("HS256 JWT",
						(scopes) -> JwtKeys.hs256(JwtKeys.claims("hs-user", String.join(" ", scopes), 300),
								JwtKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8))),
				new Kind("RS256 JWT",
						(scopes) -> JwtKeys.rs256(JwtKeys.claims("rs-user", String.join(" ", scopes), 300), JwtKeys.RSA)),
				new Kind("JWT from POST /v1/auth/token", (scopes) -> {
					String key = apiKey("minter-" + SEQUENCE.incrementAndGet(), scopes);
					return as(key).post("/v1/auth/token", Map.of()).json().get("access_token").asString();
				}));
	}

	private String apiKey(String owner, Set<String> scopes) {
		Map<String, Object> request = tokenRequest(owner + " key", List.copyOf(scopes));
		request.put("owner", owner);
		return token(this.admin.post("/v1/auth/api-keys", request));
	}

	private String discoveryToken(String name, Set<String> scopes) {
		return token(this.admin.post("/v1/discovery/tokens", tokenRequest(name, List.copyOf(scopes))));
	}

	private String serviceAccountKey(String name, Set<String> scopes) {
		String account = serviceAccount(name, List.copyOf(scopes));
		return token(this.admin.post("/v1/auth/service-accounts/" + account + "/keys", Map.of("name", name + " key")));
	}

	private String serviceAccount(String name, List<String> scopes) {
		Response created = this.admin.post("/v1/auth/service-accounts", Map.of("name", name, "scopes", scopes));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String token(Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

	private static List<String> scopes(Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("scopes").valueStream().map(JsonNode::asString).toList();
	}

	private static Map<String, Object> tokenRequest(String name, List<String> scopes) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("name", name);
		request.put("expires_in", "1d");
		request.put("scopes", scopes);
		return request;
	}

	private Response call(String token, Endpoint endpoint) {
		return endpoint.method().equals("POST") ? as(token).post(endpoint.path(), ci()) : as(token).get(endpoint.path());
	}

	private ApiClient as(String token) {
		return new ApiClient(this.port, token);
	}

	private static Set<String> allBut(String scope) {
		Set<String> others = new TreeSet<>(Scopes.ALL);
		others.remove(scope);
		others.remove("admin");
		return others;
	}

	private static Map<String, Object> ci() {
		return Map.of("name", "SEC-SRV-" + SEQUENCE.incrementAndGet(), "type", "server", "status", "active");
	}

	record Endpoint(String method, String path, String scope) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " (" + this.scope + ")";
		}

	}

	record Kind(String name, Function<Set<String>, String> issue) {
	}

}
