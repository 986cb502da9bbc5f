package io.nopesight.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the application under test, on loopback.
 */
public final class ApiClient {

	public static final String ADMIN_TOKEN = "test-admin-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	public ApiClient(int port, String token) {
		this.base = "http://127.0.0.1:" + port;
		this.token = token;
	}

	public static ApiClient admin(int port) {
		return new ApiClient(port, ADMIN_TOKEN);
	}

	public ApiClient withToken(String token) {
		return new ApiClient(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), token);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").POST(body(body)));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").PUT(body(body)));
	}

	public Response send(String method, String path, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(request);
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request;
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		String text = (body instanceof String s) ? s : JSON.writeValueAsString(body);
		return HttpRequest.BodyPublishers.ofString(text);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response: status, body text, parsed JSON and headers.
	 */
	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

	}

}
