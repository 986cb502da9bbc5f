package io.nopesight.nlq;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.nlq.Condition.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The LLM path against a real OpenAI-compatible server on loopback (the JDK's HTTP server answering
 * {@code POST /v1/chat/completions} with canned plans): a valid plan is used; a hallucinated field, an unknown
 * value, a reply that is not JSON, a slow reply and a failed call fall back to the offline reader.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmPlanReaderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String QUESTION = "how many production servers have more than 64 GB of memory";

	private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

	private final AtomicInteger calls = new AtomicInteger();

	// released by a test in finally: a slow reply is held here, never slept for
	private final CountDownLatch release = new CountDownLatch(1);

	private volatile boolean hold;

	private volatile int status = 200;

	private volatile String content = "";

	private ExecutorService executor;

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.executor = Executors.newCachedThreadPool();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/v1/chat/completions", this::complete);
		// a thread per exchange: a held reply must not keep a second request from being seen
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void usesAValidPlanAndSendsTheSchemaAndTheQuestion() throws InterruptedException {
		this.content = """
				{"expressible": true, "entity": "server", "answer_type": "count",
				 "filters": [{"field": "environment", "operator": "in", "values": ["Production"], "negated": false,
				              "from": "production"},
				             {"field": "memory_gb", "operator": ">", "values": ["64"], "negated": false,
				              "from": "more than 64 GB of memory"}],
				 "group_by": null, "metric": null, "events": null, "event_group": null}""";
		SourcedPlan read = reader(Duration.ofSeconds(30), "test-key").read(QUESTION, PlanJsonTests.VALUES);
		assertThat(read.source()).isEqualTo("llm");
		assertThat(read.plan().answerType()).isEqualTo(QueryPlan.AnswerType.COUNT);
		assertThat(read.plan().filters()).extracting(Condition::field, Condition::operator, Condition::values)
			.containsExactly(tuple(Field.TYPE, "=", List.of("server")),
					tuple(Field.ENVIRONMENT, "in", List.of("production")), tuple(Field.MEMORY_GB, ">", List.of(64.0)));
		Request request = this.requests.poll(30, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.authorization()).isEqualTo("Bearer test-key");
		JsonNode body = request.body();
		assertThat(body.path("model").asString()).isEqualTo("test-model");
		JsonNode format = body.path("response_format");
		assertThat(format.path("type").asString()).isEqualTo("json_schema");
		assertThat(format.path("json_schema").path("name").asString()).isEqualTo("query_plan");
		assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
		JsonNode schema = format.path("json_schema").path("schema");
		assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrder("expressible", "entity",
				"answer_type", "filters", "group_by", "metric", "events", "event_group", "relation");
		assertThat(schema.path("properties").path("filters").path("items").path("properties").path("field")
			.path("enum")).extracting(JsonNode::asString).contains("environment", "memory_gb").doesNotContain("hostname_color");
		JsonNode messages = body.path("messages");
		assertThat(messages.get(messages.size() - 1).path("role").asString()).isEqualTo("user");
		assertThat(messages.get(messages.size() - 1).path("content").asString()).isEqualTo(QUESTION);
		// the CMDB's values are told, so that the model spells them as the CMDB does
		assertThat(messages.get(0).path("content").asString()).contains("environment: development, production");
	}

	@Test
	void refusesAHallucinatedFieldAndReadsOffline(CapturedOutput output) {
		this.content = PlanJsonTests.plan("server", "count",
				PlanJsonTests.filter("hostname_color", "=", "\"blue\""), "");
		SourcedPlan read = reader(Duration.ofSeconds(30), "").read(QUESTION, PlanJsonTests.VALUES);
		assertOffline(read);
		assertThat(output).contains("LLM plan refused (UNKNOWN_FIELD)").contains("hostname_color");
		// an empty key (NOPESIGHT_LLM_API_KEY unset) sends no Authorization header, as Ollama wants
		assertThat(this.requests.remove().authorization()).isNull();
	}

	@Test
	void refusesAValueTheCmdbDoesNotHoldAndReadsOffline(CapturedOutput output) {
		this.content = PlanJsonTests.plan("server", "count",
				PlanJsonTests.filter("environment", "in", "\"narnia\""), "");
		SourcedPlan read = reader(Duration.ofSeconds(30), null).read(QUESTION, PlanJsonTests.VALUES);
		assertOffline(read);
		assertThat(output).contains("LLM plan refused (UNKNOWN_VALUE)").contains("narnia");
	}

	@Test
	void readsOfflineWhenTheReplyIsNotJson(CapturedOutput output) {
		this.content = "Sure! {\"entity\": \"server\", \"filters\": [";
		SourcedPlan read = reader(Duration.ofSeconds(30), null).read(QUESTION, PlanJsonTests.VALUES);
		assertOffline(read);
		assertThat(output).contains("LLM plan refused (MALFORMED)");
	}

	@Test
	void readsOfflineWhenTheReplyIsSlowerThanTheTimeout(CapturedOutput output) {
		this.hold = true;
		this.content = PlanJsonTests.plan("server", "count", "", "");
		try {
			SourcedPlan read = reader(Duration.ofMillis(200), null).read(QUESTION, PlanJsonTests.VALUES);
			assertOffline(read);
			assertThat(output).contains("LLM plan refused (TIMEOUT)");
			// asked once: no retry holds the question up further
			assertThat(this.calls.get()).isEqualTo(1);
		}
		finally {
			this.release.countDown();
		}
	}

	@Test
	void readsOfflineWhenTheCallFails(CapturedOutput output) {
		this.status = 500;
		SourcedPlan read = reader(Duration.ofSeconds(30), null).read(QUESTION, PlanJsonTests.VALUES);
		assertOffline(read);
		assertThat(output).contains("LLM plan refused (FAILED)");
		assertThat(this.calls.get()).isEqualTo(1);
	}

	@Test
	void leavesAQuestionThePlanCannotExpressToTheOfflineReadersRefusal(CapturedOutput output) {
		this.content = PlanJsonTests.plan("ci", "list", "", "").replace("\"expressible\": true", "\"expressible\": false");
		LlmPlanReader reader = reader(Duration.ofSeconds(30), null);
		assertThatThrownBy(() -> reader.read("will PROD-WEB-01 be replaced next year", PlanJsonTests.VALUES))
			.isInstanceOf(QueryNotUnderstoodException.class);
		assertThat(output).contains("LLM plan refused (NOT_EXPRESSIBLE)");
	}

	private static void assertOffline(SourcedPlan read) {
		assertThat(read.source()).isEqualTo("offline");
		assertThat(read.plan()).isEqualTo(QuestionReader.read(QUESTION, PlanJsonTests.VALUES));
	}

	private LlmPlanReader reader(Duration timeout, @Nullable String apiKey) {
		return new LlmPlanReader(new LlmSettings("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1",
				"test-model", apiKey, timeout));
	}

	private void complete(HttpExchange exchange) throws IOException {
		try {
			this.calls.incrementAndGet();
			this.requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
					JSON.readTree(exchange.getRequestBody().readAllBytes())));
			if (this.hold) {
				// a ceiling, not a delay: the test releases the reply when it is done
				this.release.await(60, TimeUnit.SECONDS);
			}
			byte[] reply = ((this.status == 200) ? completion(this.content) : "{\"error\": {\"message\": \"boom\"}}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, reply.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(reply);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the client stopped waiting (the timeout test): nobody reads this reply
		}
		finally {
			exchange.close();
		}
	}

	/** A chat completion whose message is the canned plan, as OpenAI and Ollama's /v1 answer. */
	private static String completion(String content) {
		return JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1_790_000_000,
				"model", "test-model", "choices",
				List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason",
						"stop")),
				"usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
	}

	private record Request(@Nullable String authorization, JsonNode body) {
	}

}
