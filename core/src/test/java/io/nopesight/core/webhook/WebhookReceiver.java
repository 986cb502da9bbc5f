package io.nopesight.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.ToIntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on loopback (the JDK's server) that records every request it gets and answers with the
 * status its policy gives; {@link #verify} is the Standard Webhooks reference verification, written from the
 * spec rather than shared with the signer.
 */
public final class WebhookReceiver implements AutoCloseable {

	public record Received(String id, String timestamp, String signature, String body, String path,
			com.sun.net.httpserver.Headers headers, long receivedAtMillis) {
	}

	private final List<Received> received = new ArrayList<>();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(16);

	private volatile ToIntFunction<Received> status = (request) -> 204;

	private volatile @Nullable String retryAfter;

	private WebhookReceiver(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public static WebhookReceiver start() throws IOException {
		return new WebhookReceiver(0);
	}

	public static WebhookReceiver startOn(int port) throws IOException {
		return new WebhookReceiver(port);
	}

	/**
	 * A loopback port nothing listens on (yet): a receiver that is down.
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public void answer(ToIntFunction<Received> status) {
		this.status = status;
	}

	/**
	 * Sends this {@code Retry-After} with every answer from now on.
	 */
	public void retryAfter(String value) {
		this.retryAfter = value;
	}

	public List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	public List<Received> received(String path) {
		synchronized (this.received) {
			return this.received.stream().filter((r) -> r.path().equals(path)).toList();
		}
	}

	public int count() {
		synchronized (this.received) {
			return this.received.size();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Received request = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body,
					exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), System.currentTimeMillis());
			synchronized (this.received) {
				this.received.add(request);
			}
			int code = this.status.applyAsInt(request);
			String wait = this.retryAfter;
			if (wait != null) {
				exchange.getResponseHeaders().add("Retry-After", wait);
			}
			exchange.sendResponseHeaders(code, -1);
		}
		finally {
			try (OutputStream out = exchange.getResponseBody()) {
				out.flush();
			}
			exchange.close();
		}
	}

	/**
	 * The spec's verification: strip {@code whsec_}, base64-decode the key, HMAC-SHA256 over
	 * {@code id.timestamp.body}, base64, and compare in constant time with each space-separated {@code v1,}
	 * signature of the header.
	 */
	public static boolean verify(String secret, Received request) throws Exception {
		byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		String signedContent = request.id() + "." + request.timestamp() + "." + request.body();
		byte[] expected = Base64.getEncoder()
			.encode(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
		for (String signature : request.signature().split(" ")) {
			String[] parts = signature.split(",", 2);
			if (parts[0].equals("v1")
					&& MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII), expected)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
