package io.nopesight.api.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps creating CIs through an outage, as a scanner or script would, and remembers which
 * ones the server acknowledged (201) and what else it answered, so a test can check that every
 * acknowledged write survived and that refusals were 503s in the API's format.
 */
final class AcknowledgedWrites {

	private final ApiClient api;

	private final String prefix;

	private final List<String> acknowledged = new CopyOnWriteArrayList<>();

	private final List<Response> refused = new CopyOnWriteArrayList<>();

	private final AtomicInteger sent = new AtomicInteger();

	private final Thread writer;

	private volatile boolean running = true;

	AcknowledgedWrites(ApiClient api, String prefix) {
		this.api = api;
		this.prefix = prefix;
		this.writer = new Thread(this::writeUntilClosed, "acknowledged-writes");
		this.writer.start();
	}

	int acknowledgedCount() {
		return this.acknowledged.size();
	}

	List<Response> refused() {
		return List.copyOf(this.refused);
	}

	/**
	 * Stops writing once the request on its way is answered.
	 */
	void stop() throws InterruptedException {
		this.running = false;
		this.writer.join();
	}

	/**
	 * Every acknowledged CI can be read back by the name it was created with.
	 */
	void assertAllPresent() {
		for (String name : this.acknowledged) {
			Response found = this.api.get("/v1/cmdb/ci?search=" + name);
			assertThat(found.status()).as(found.body()).isEqualTo(200);
			assertThat(found.body()).as("acknowledged write %s", name).contains("\"name\":\"" + name + "\"");
		}
	}

	private void writeUntilClosed() {
		while (this.running) {
			String name = this.prefix + "-" + this.sent.incrementAndGet();
			try {
				Response created = this.api.post("/v1/cmdb/ci", Map.of("name", name, "type", "server"));
				if (created.status() == 201) {
					this.acknowledged.add(name);
				}
				else {
					this.refused.add(created);
				}
			}
			catch (RuntimeException ex) {
				// a connection the server dropped acknowledged nothing
			}
		}
	}

}
