package io.nopesight.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.api.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tour runs as written: every {@code $ curl} line of the block after the {@code readme-tour}
 * marker, through bash, against the demo estate, with {@code $TOKEN} the admin token and the README's address
 * replaced by this test's. Each must exit 0 with the status the README shows (its status line, the status of
 * its error code, else 2xx) and a JSON body carrying the README's top-level fields. Bodies are not compared
 * byte for byte: ids and times differ. Ids the README takes from an earlier output are resolved from the same
 * output of this run: by the CI's name where the README shows {@code "id":…,"name":…}, else by field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nopesight.demo=true")
class ReadmeTourIntegrationTests {

	private static final Path README = Path.of("..", "README.md");

	private static final String MARKER = "<!-- readme-tour:";

	private static final String README_ADDRESS = "127.0.0.1:18080";

	private static final String STATUS = "@@readme-tour-status ";

	private static final String OPAQUE = "(?:(?:ci|rel|token|scan|job|sa)_[0-9a-f]{16}|ns[a-z]_[A-Za-z0-9_-]{20,})";

	private static final Pattern OPAQUE_VALUE = Pattern.compile(OPAQUE);

	private static final Pattern NAMED_ID = Pattern.compile("\"id\":\"(" + OPAQUE + ")\",\"name\":\"([^\"]*)\"");

	private static final Pattern KEYED = Pattern.compile("\"([a-z_]+)\":\"(" + OPAQUE + ")\"");

	private static final Pattern ERROR_CODE = Pattern.compile("\\{\"error\":\\{\"code\":\"([A-Z_]+)\"");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ApiTestProperties.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void tourWhenRunAgainstTheDemoEstateAnswersAsTheReadmeShows(@TempDir Path curlHome) throws Exception {
		// given
		List<Step> steps = tour(Files.readString(README));
		// curl reads $CURL_HOME/.curlrc, so the commands run exactly as the README writes them
		Files.writeString(curlHome.resolve(".curlrc"), "write-out = \"\\n" + STATUS + "%{http_code}\\n\"\n");
		Map<String, String> resolved = new HashMap<>();
		// when
		List<Ran> runs = new ArrayList<>();
		for (Step step : steps) {
			Ran ran = run(step, resolved, curlHome);
			learn(step.expectedBody(), ran.body(), resolved);
			runs.add(ran);
		}
		// then
		assertThat(steps).as("tour commands in README.md").hasSizeGreaterThanOrEqualTo(10);
		for (Ran ran : runs) {
			String command = ran.step().command();
			assertThat(ran.unresolved()).as("ids no earlier output of the tour shows, in: %s", command).isEmpty();
			assertThat(command).as("the tour's address").contains(README_ADDRESS);
			assertThat(ran.exitCode()).as("exit code of: %s%n%s", command, ran.output()).isZero();
			Statuses expected = expectedStatus(ran.step());
			assertThat(ran.status()).as("HTTP status of: %s%n%s", command, ran.output())
				.isBetween(expected.lowest(), expected.highest());
			JsonNode body = json(ran);
			assertThat(body.isObject()).as("JSON object from: %s%n%s", command, ran.output()).isTrue();
			assertThat(body.propertyNames()).as("top-level fields of: %s", command)
				.containsAll(topLevelKeys(ran.step().expectedBody()));
			Matcher expectedError = ERROR_CODE.matcher(ran.step().expectedBody());
			assertThat(body.path("error").path("code").asString(""))
				.as("error code of: %s", command)
				.isEqualTo(expectedError.find() ? expectedError.group(1) : "");
		}
	}

	static List<Step> tour(String readme) {
		int marker = readme.indexOf(MARKER);
		assertThat(marker).as("the %s marker in README.md", MARKER).isNotNegative();
		int open = readme.indexOf("```", marker);
		int start = readme.indexOf('\n', open) + 1;
		int close = readme.indexOf("\n```", start);
		List<Step> steps = new ArrayList<>();
		StringBuilder command = null;
		StringBuilder expected = new StringBuilder();
		for (String line : readme.substring(start, close).split("\n", -1)) {
			if (line.startsWith("$ ")) {
				if (command != null) {
					steps.add(new Step(command.toString(), expected.toString()));
				}
				command = new StringBuilder(line.substring(2));
				expected = new StringBuilder();
			}
			else if (command != null && command.toString().endsWith("\\")) {
				command.setLength(command.length() - 1);
				command.append(' ').append(line.strip());
			}
			else {
				expected.append(line).append('\n');
			}
		}
		if (command != null) {
			steps.add(new Step(command.toString(), expected.toString()));
		}
		steps.forEach((step) -> assertThat(step.command()).as("a tour command").startsWith("curl "));
		return steps;
	}

	private Ran run(Step step, Map<String, String> resolved, Path curlHome) throws IOException, InterruptedException {
		Set<String> unresolved = new LinkedHashSet<>();
		Matcher opaque = OPAQUE_VALUE.matcher(step.command());
		while (opaque.find()) {
			if (!resolved.containsKey(opaque.group())) {
				unresolved.add(opaque.group());
			}
		}
		String command = step.command().replace(README_ADDRESS, "127.0.0.1:" + this.port);
		for (Map.Entry<String, String> id : resolved.entrySet()) {
			command = command.replace(id.getKey(), id.getValue());
		}
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
		builder.environment().put("TOKEN", ApiClient.ADMIN_TOKEN);
		builder.environment().put("CURL_HOME", curlHome.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
		boolean exited = process.waitFor(5, TimeUnit.MINUTES);
		int exitCode = exited ? process.exitValue() : -1;
		int mark = output.lastIndexOf(STATUS);
		int status = (mark < 0) ? -1 : Integer.parseInt(output.substring(mark + STATUS.length()).strip());
		String response = (mark < 0) ? output : output.substring(0, mark);
		return new Ran(step, unresolved, exitCode, status, bodyOf(response), output);
	}

	// ids and secrets the README shows in this output stand for the ones this run's output holds: the CI of
	// the same name where the README shows one
	static void learn(String expected, String actual, Map<String, String> resolved) {
		Matcher named = NAMED_ID.matcher(expected);
		while (named.find()) {
			Matcher same = Pattern.compile("\"id\":\"(" + OPAQUE + ")\",\"name\":\"" + Pattern.quote(named.group(2)) + "\"")
				.matcher(actual);
			if (same.find()) {
				resolved.putIfAbsent(named.group(1), same.group(1));
			}
		}
		// otherwise the value of the same field, counting its occurrences in both
		Map<String, Integer> seen = new HashMap<>();
		Matcher keyed = KEYED.matcher(expected);
		while (keyed.find()) {
			int occurrence = seen.merge(keyed.group(1), 1, Integer::sum);
			Matcher same = Pattern.compile("\"" + keyed.group(1) + "\":\"(" + OPAQUE + ")\"").matcher(actual);
			int found = 0;
			while (same.find()) {
				if (++found == occurrence) {
					resolved.putIfAbsent(keyed.group(2), same.group(1));
					break;
				}
			}
		}
	}

	static Statuses expectedStatus(Step step) {
		String expected = step.expected();
		if (expected.startsWith("HTTP/")) {
			int code = Integer.parseInt(expected.split("\\s+")[1]);
			return new Statuses(code, code);
		}
		Matcher error = ERROR_CODE.matcher(expected);
		if (error.find()) {
			int code = ErrorCode.valueOf(error.group(1)).status().value();
			return new Statuses(code, code);
		}
		return new Statuses(200, 299);
	}

	private static JsonNode json(Ran ran) {
		try {
			return ApiClient.json(ran.body());
		}
		catch (JacksonException ex) {
			throw new AssertionError("No JSON from: " + ran.step().command() + "\n" + ran.output(), ex);
		}
	}

	// the body of curl's output: after the headers when it printed them (-i)
	static String bodyOf(String output) {
		if (!output.startsWith("HTTP/")) {
			return output.strip();
		}
		int blank = output.indexOf("\n\n");
		return (blank < 0) ? "" : output.substring(blank + 2).strip();
	}

	// the keys at the top level of a JSON object that may be cut short with "..."
	static Set<String> topLevelKeys(String json) {
		Set<String> keys = new LinkedHashSet<>();
		int depth = 0;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '"') {
				int end = i + 1;
				while (end < json.length() && json.charAt(end) != '"') {
					end += (json.charAt(end) == '\\') ? 2 : 1;
				}
				String rest = json.substring(Math.min(end + 1, json.length())).stripLeading();
				if (depth == 1 && rest.startsWith(":")) {
					keys.add(json.substring(i + 1, end));
				}
				i = end;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
		return keys;
	}

	/**
	 * One tour command and what the README shows it printing.
	 */
	record Step(String command, String expected) {

		String expectedBody() {
			return bodyOf(this.expected);
		}

	}

	record Ran(Step step, Set<String> unresolved, int exitCode, int status, String body, String output) {
	}

	record Statuses(int lowest, int highest) {
	}

}
