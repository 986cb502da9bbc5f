package io.nopesight.core.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;

/**
 * Sends one attempt of a message: the endpoint's own headers, then the Standard Webhooks headers, which
 * custom headers cannot replace. Redirects are not followed (a 3xx is a failure), so a receiver cannot
 * point this server elsewhere after the URL was checked.
 */
class WebhookSender {

	// headers a client may not set: the signature's own, and those the HTTP client reserves
	static final Set<String> RESERVED = Set.of("webhook-id", "webhook-timestamp", "webhook-signature", "content-type",
			"content-length", "host", "connection", "expect", "upgrade", "transfer-encoding", "user-agent");

	private final HttpClient http;

	private final WebhookUrlGuard guard;

	private final Clock clock;

	private final Duration timeout;

	WebhookSender(WebhookUrlGuard guard, Clock clock, Duration timeout) {
		this.guard = guard;
		this.clock = clock;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * What came of an attempt: {@code code} is empty when no response came.
	 */
	record Outcome(Optional<Integer> code, long latencyMs, String error, @Nullable Duration retryAfter) {

		boolean succeeded() {
			return this.code.filter((c) -> c >= 200 && c < 300).isPresent();
		}

	}

	Outcome send(ClaimedDelivery delivery) {
		Instant now = this.clock.instant();
		long started = System.nanoTime();
		try {
			URI uri = this.guard.check(delivery.endpoint().endpoint().url());
			HttpRequest request = request(uri, delivery, now);
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			long latency = (System.nanoTime() - started) / 1_000_000;
			int code = response.statusCode();
			return new Outcome(Optional.of(code), latency, "HTTP " + code,
					(code == 429 || code == 503) ? retryAfter(response, now) : null);
		}
		catch (InvalidInputException ex) {
			return failure(started, ex.getMessage());
		}
		catch (HttpTimeoutException ex) {
			return failure(started, "no answer within " + this.timeout.toSeconds() + " s");
		}
		catch (ConnectException ex) {
			// the JDK's client gives no message when the receiver refuses the connection
			return failure(started, "could not connect to " + delivery.endpoint().endpoint().url()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (IOException ex) {
			return failure(started, ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failure(started, "interrupted");
		}
	}

	private HttpRequest request(URI uri, ClaimedDelivery delivery, Instant now) {
		StoredEndpoint endpoint = delivery.endpoint();
		long timestamp = now.getEpochSecond();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
		for (Map.Entry<String, String> header : endpoint.endpoint().headers().entrySet()) {
			if (!RESERVED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				request.header(header.getKey(), header.getValue());
			}
		}
		return request.header("Content-Type", "application/json")
			.header("User-Agent", "NopeSight-Webhooks/1")
			.header("webhook-id", delivery.id())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					WebhookSigner.signature(endpoint.signingSecrets(now), delivery.id(), timestamp, delivery.body()))
			.build();
	}

	// seconds or an HTTP date, as RFC 9110 allows
	private static @Nullable Duration retryAfter(HttpResponse<Void> response, Instant now) {
		Optional<String> value = response.headers().firstValue("Retry-After");
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.get().strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.get().strip(),
						Instant::from);
				return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static Outcome failure(long started, @Nullable String error) {
		return new Outcome(Optional.empty(), (System.nanoTime() - started) / 1_000_000,
				(error != null) ? error : "failed", null);
	}

}
