package io.nopesight.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.nopesight.core.PostgresForTests;

import static org.awaitility.Awaitility.await;

/**
 * The whole application in a JVM of its own, on loopback, for tests of what happens across nodes or to a
 * node that is killed: started on a given schema and data folder with the test admin token, its output in
 * {@code app.log} of its data folder.
 */
public final class ChildNode {

	private final Process process;

	private final int port;

	private final Path dataDir;

	private ChildNode(Process process, int port, Path dataDir) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
	}

	/**
	 * Starts a node and waits (generously) until it answers.
	 */
	public static ChildNode start(String url, Path dataDir, String... settings) throws IOException {
		return start(databaseSettings(url), dataDir, settings);
	}

	/**
	 * Starts a node on an embedded PostgreSQL in its data folder, as the README's first command does.
	 */
	public static ChildNode startEmbedded(Path dataDir, String... settings) throws IOException {
		return start(List.of("--nopesight.db.url="), dataDir, settings);
	}

	/**
	 * Starts the application in a JVM of its own without waiting for it, its output in {@code app.log} of its
	 * data folder: for a start that is expected to fail.
	 */
	public static Process launch(List<String> database, Path dataDir, int port, String... settings)
			throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseParallelGC",
				"-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp",
				System.getProperty("java.class.path"), "io.nopesight.NopeSightApplication", "--server.port=" + port,
				"--server.address=127.0.0.1", "--nopesight.db.pool-size=6", "--nopesight.data-dir=" + dataDir,
				"--nopesight.admin.token=" + ApiClient.ADMIN_TOKEN, "--nopesight.metrics.retention-cron=-",
				"--nopesight.discovery.connection-retention-cron=-"));
		command.addAll(database);
		command.addAll(List.of(settings));
		Files.createDirectories(dataDir);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()))
			.start();
	}

	public static List<String> databaseSettings(String url) {
		return List.of("--nopesight.db.url=" + url, "--nopesight.db.user=" + PostgresForTests.user());
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static ChildNode start(List<String> database, Path dataDir, String... settings) throws IOException {
		int port = freePort();
		Process process = launch(database, dataDir, port, settings);
		ChildNode node = new ChildNode(process, port, dataDir);
		ApiClient api = node.api();
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> !process.isAlive() || api.get("/v1/discovery/rules").status() == 200);
		if (!process.isAlive()) {
			throw new IllegalStateException("The node on " + dataDir + " did not start: see its app.log");
		}
		return node;
	}

	public long pid() {
		return this.process.pid();
	}

	public ApiClient api() {
		return ApiClient.admin(this.port);
	}

	public int port() {
		return this.port;
	}

	/**
	 * This node's name in work-item leases (kept in its data folder).
	 */
	public String workerId() throws IOException {
		return Files.readString(this.dataDir.resolve("node-id"), StandardCharsets.UTF_8).strip();
	}

	/**
	 * SIGTERM, as a service manager stops a node: it shuts down gracefully (generous wait).
	 */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(3, TimeUnit.MINUTES)) {
			kill();
			throw new IllegalStateException("The node on " + this.dataDir + " did not stop within 3 minutes");
		}
	}

	/**
	 * SIGKILL: the node gets no chance to let go of anything.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

}
