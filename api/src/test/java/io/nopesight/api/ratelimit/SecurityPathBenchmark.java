package io.nopesight.api.ratelimit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import bench.PingController;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiTestProperties;
import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.access.TokenKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the authentication and rate-limit path adds to a request, at p50/p90/p99/p99.9. Not part of the
 * default test run (the name does not end in Tests); run it with
 * {@code ./mvnw -B -pl api -am test -Dtest=SecurityPathBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to {@code api/target/security-benchmark.txt}.
 * <p>
 * Over HTTP on loopback, requests alternate between the same handler outside {@code /v1} (baseline) and
 * inside it with an API key (hash lookup in PostgreSQL + rate limit) and with the configured admin token
 * (rate limit only, no lookup), so drift on the machine hits all alike. In process, it times the token lookup
 * and the rate-limit decision alone, and, for comparison, a plain Bucket4j PostgreSQL consume per request
 * (what the limiter would cost without its local reserve).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PingController.class)
class SecurityPathBenchmark {

	private static final int WARMUP = 2_000;

	private static final int ROUNDS = 6_000;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ApiTestProperties.register(registry);
		registry.add("server.address", () -> "127.0.0.1");
		// enough for the run, with a reserve batch of 10 (the batch JWTs get at their default 500/minute)
		registry.add("nopesight.rate-limit.api-key.per-hour", () -> "100000000");
		registry.add("nopesight.rate-limit.api-key.per-minute", () -> "1000000");
		registry.add("nopesight.rate-limit.reserve-divisor", () -> "100000");
	}

	@LocalServerPort
	int port;

	@Autowired
	AccessTokens tokens;

	@Autowired
	SharedRateLimiter limiter;

	@Test
	void measure() throws IOException {
		// given
		ApiClient admin = ApiClient.admin(this.port);
		Response created = admin.post("/v1/auth/api-keys", Map.of("name", "bench", "scopes", List.of("cmdb.read")));
		String token = created.json().get("token").asString();
		ApiClient open = new ApiClient(this.port, null);
		ApiClient secured = new ApiClient(this.port, token);
		ApiClient configuredAdmin = ApiClient.admin(this.port);
		assertThat(open.get("/bench/ping").status()).isEqualTo(200);
		assertThat(secured.get("/v1/bench/ping").status()).isEqualTo(200);
		// when
		long[][] http = alternate(() -> time(() -> open.get("/bench/ping").status()),
				() -> time(() -> secured.get("/v1/bench/ping").status()),
				() -> time(() -> configuredAdmin.get("/v1/bench/ping").status()));
		long[] lookup = repeat(() -> time(() -> this.tokens.authenticate(token).isPresent() ? 1 : 0));
		long[] limit = repeat(() -> time(() -> this.limiter.acquire("bench-limit", TokenKind.API_KEY).allowed() ? 1 : 0));
		long[] plainBucket4j = repeat(() -> time(() -> this.limiter
			.bucket("bench-plain", this.limiter.limitFor(TokenKind.API_KEY))
			.tryConsumeAndReturnRemaining(1)
			.getRemainingTokens()));
		// then
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "%-44s %8s %8s %8s %8s%n", "microseconds (" + ROUNDS + " each)", "p50",
				"p90", "p99", "p99.9"));
		row(report, "HTTP GET /bench/ping (no auth, baseline)", http[0]);
		row(report, "HTTP GET /v1/bench/ping (API key)", http[1]);
		row(report, "HTTP GET /v1/bench/ping (configured admin)", http[2]);
		long[] added = new long[] { percentile(http[1], 50) - percentile(http[0], 50),
				percentile(http[1], 90) - percentile(http[0], 90), percentile(http[1], 99) - percentile(http[0], 99),
				percentile(http[1], 99.9) - percentile(http[0], 99.9) };
		report.append(String.format(Locale.ROOT, "%-44s %8.0f %8.0f %8.0f %8.0f%n", "added by auth + rate limit",
				added[0] / 1e3, added[1] / 1e3, added[2] / 1e3, added[3] / 1e3));
		row(report, "in process: token lookup (cache hit)", lookup);
		row(report, "in process: rate-limit decision", limit);
		row(report, "in process: plain Bucket4j PostgreSQL consume", plainBucket4j);
		Path out = Path.of("target", "security-benchmark.txt");
		Files.writeString(out, report);
		System.out.println(report);
		// the goal (issue 3): authentication and rate limit add under 1 ms p99 to a request. The in-process
		// decision loop is not gated: it spends a reserve of 10 in microseconds, far faster than any client,
		// so its p99 is the wait for a top-up that requests over HTTP do not meet
		assertThat(added[2]).as("p99 added by auth + rate limit over HTTP, ns").isLessThan(1_000_000);
	}

	private static long[][] alternate(LongSupplier... series) {
		for (int i = 0; i < WARMUP; i++) {
			for (LongSupplier one : series) {
				one.getAsLong();
			}
		}
		long[][] samples = new long[series.length][ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			for (int s = 0; s < series.length; s++) {
				samples[s][i] = series[s].getAsLong();
			}
		}
		return samples;
	}

	private static long[] repeat(LongSupplier timed) {
		for (int i = 0; i < WARMUP; i++) {
			timed.getAsLong();
		}
		long[] samples = new long[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			samples[i] = timed.getAsLong();
		}
		return samples;
	}

	private static long time(LongSupplier work) {
		long start = System.nanoTime();
		work.getAsLong();
		return System.nanoTime() - start;
	}

	private static void row(StringBuilder report, String name, long[] samples) {
		report.append(String.format(Locale.ROOT, "%-44s %8.0f %8.0f %8.0f %8.0f%n", name, percentile(samples, 50) / 1e3,
				percentile(samples, 90) / 1e3, percentile(samples, 99) / 1e3, percentile(samples, 99.9) / 1e3));
	}

	private static long percentile(long[] samples, double p) {
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
	}

}
