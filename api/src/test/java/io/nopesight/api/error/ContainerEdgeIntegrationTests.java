package io.nopesight.api.error;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server answers to requests an HTTP client library would refuse to send or would repair first:
 * each is written as raw bytes on a socket, and each answer must be the API's JSON error with the right
 * status and an {@code X-Request-ID}, logged once as one line without a stack trace.
 */
@ApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ContainerEdgeIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AUTH = "Authorization: Bearer " + ApiClient.ADMIN_TOKEN + "\r\n";

	@LocalServerPort
	int port;

	static Stream<Arguments> refusals() {
		return Stream.of(
				get("undecodable query parameter", "/v1/cmdb/ci?limit=%ZZ", 400, "VALIDATION_ERROR"),
				get("query that is not UTF-8", "/v1/cmdb/ci?q=%FF%FE", 400, "VALIDATION_ERROR"),
				get("NUL in the path", "/v1/cmdb/ci/%00", 400, "VALIDATION_ERROR"),
				get("lone percent sign", "/v1/cmdb/ci/%", 400, "VALIDATION_ERROR"),
				get("encoded slash", "/v1/cmdb/ci/a%2Fb", 400, "VALIDATION_ERROR"),
				get("encoded backslash", "/v1/cmdb/ci/a%5Cb", 400, "VALIDATION_ERROR"),
				get("overlong UTF-8 slash", "/v1/cmdb/ci/%C0%AF", 400, "VALIDATION_ERROR"),
				get("overlong UTF-8 NUL", "/v1/cmdb/ci/%E0%80%80", 400, "VALIDATION_ERROR"),
				get("encoded dots", "/v1/cmdb/%2e%2e/ci", 400, "VALIDATION_ERROR"),
				get("path parameter", "/v1/cmdb/ci;jsessionid=1", 400, "VALIDATION_ERROR"),
				get("dot segments", "/v1/../v1/cmdb/ci", 400, "VALIDATION_ERROR"),
				get("brace in the request target", "/v1/cmdb/ci/a{b", 400, "VALIDATION_ERROR"),
				raw("space in the request target", "GET /v1/cmdb /ci HTTP/1.1\r\nHost: x\r\n" + AUTH, 400,
						"VALIDATION_ERROR"),
				raw("space in a header name", "GET /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n" + AUTH, 400,
						"VALIDATION_ERROR"),
				raw("control character in a header value",
						"GET /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\nX-Note: a\u0001b\r\n" + AUTH, 400, "VALIDATION_ERROR"),
				raw("no Host header in HTTP/1.1", "GET /v1/cmdb/ci HTTP/1.1\r\n" + AUTH, 400, "VALIDATION_ERROR"),
				raw("unknown HTTP version", "GET /v1/cmdb/ci HTTP/9.9\r\nHost: x\r\n" + AUTH, 505,
						"HTTP_VERSION_NOT_SUPPORTED"),
				raw("URI too long", "GET /v1/cmdb/ci?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n" + AUTH,
						414, "URI_TOO_LONG"),
				raw("headers too large",
						"GET /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n" + AUTH, 431,
						"REQUEST_HEADER_FIELDS_TOO_LARGE"),
				raw("method the firewall does not know", "FOO /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\n" + AUTH, 405,
						"METHOD_NOT_ALLOWED"),
				raw("TRACE", "TRACE /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\n" + AUTH, 405, "METHOD_NOT_ALLOWED"),
				raw("method the route does not take", "PATCH /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\n" + AUTH
						+ "Content-Type: application/json\r\nContent-Length: 2\r\n", "{}", 405, "METHOD_NOT_ALLOWED"),
				raw("wrong content type", "POST /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\n" + AUTH
						+ "Content-Type: text/plain\r\nContent-Length: 2\r\n", "hi", 415, "UNSUPPORTED_MEDIA_TYPE"),
				raw("Content-Length that is not a number", "POST /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\n" + AUTH
						+ "Content-Type: application/json\r\nContent-Length: abc\r\n", "{}", 400, "VALIDATION_ERROR"),
				raw("body announced over the limit", "POST /v1/cmdb/ci HTTP/1.1\r\nHost: x\r\n" + AUTH
						+ "Content-Type: application/json\r\nContent-Length: 99999999999\r\n", "{}", 413,
						"PAYLOAD_TOO_LARGE"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void requestWhenMalformedIsAnsweredInTheApiErrorFormat(String name, byte[] request, int status, String code,
			CapturedOutput output) throws IOException {
		// when
		RawResponse response = send(request);
		// then
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("content-type")).as(response.toString()).startsWith("application/json");
		String requestId = response.header("x-request-id");
		assertThat(requestId).as(response.toString()).isNotBlank();
		JsonNode error = JSON.readTree(response.body()).get("error");
		assertThat(error).as(response.toString()).isNotNull();
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("message").asString()).isNotBlank();
		assertThat(error.get("request_id").asString()).isEqualTo(requestId);
		assertThat(error.get("documentation_url").asString()).endsWith("#" + code);
		assertThat(response.body()).doesNotContain("<html", "at org.", "at java.", "Exception");
		assertThat(output.getOut().lines().filter((line) -> line.contains(requestId)))
			.as("log lines naming %s", requestId)
			.hasSize(1);
		assertThat(output.getOut()).doesNotContain("\tat org.apache.coyote", "\tat org.apache.catalina",
				"\tat org.springframework.security.web.firewall");
	}

	private static Arguments get(String name, String target, int status, String code) {
		return raw(name, "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + AUTH, status, code);
	}

	private static Arguments raw(String name, String head, int status, String code) {
		return raw(name, head, "", status, code);
	}

	private static Arguments raw(String name, String head, String body, int status, String code) {
		byte[] bytes = (head + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
		return Arguments.of(name, bytes, status, code);
	}

	private RawResponse send(byte[] request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return RawResponse.read(socket.getInputStream());
		}
	}

	/**
	 * An HTTP/1.1 response as read off the socket until the server closes it (every request asks for
	 * {@code Connection: close}).
	 */
	record RawResponse(int status, Map<String, String> headers, String body) {

		static RawResponse read(InputStream in) throws IOException {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String head = (split < 0) ? text : text.substring(0, split);
			String rest = (split < 0) ? "" : text.substring(split + 4);
			String[] lines = head.split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
			return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, chunked ? dechunk(rest) : rest);
		}

		String header(String name) {
			return this.headers.getOrDefault(name, "");
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					break;
				}
				// the bodies are ASCII JSON, so characters and bytes coincide
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

	}

}
