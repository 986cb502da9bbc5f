package io.nopesight.core.database;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster kept in the data folder. The cluster is created once and reused on every later
 * start; a server left running by a process that died without stopping it is stopped first. While the
 * application runs, a supervisor watches the server process: if it dies, it is started again on the same
 * cluster and port (PostgreSQL's crash recovery replays what was committed), after {@code restartDelay},
 * doubling up to 30 s while starts fail.
 */
public final class EmbeddedPostgresServer implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

	// zonky turns durability off for throwaway test databases; this one keeps the product's data
	private static final Map<String, String> SERVER_CONFIG = serverConfig();

	private final EmbeddedPostgres postgres;

	private final Path clusterDir;

	private final Duration restartDelay;

	private final Thread supervisor;

	private volatile boolean closing;

	private volatile @Nullable Path binaries;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDir, Duration restartDelay) {
		this.postgres = postgres;
		this.clusterDir = clusterDir;
		this.restartDelay = restartDelay;
		this.supervisor = new Thread(this::superviseUntilClosed, "embedded-postgres-supervisor");
		this.supervisor.setDaemon(true);
	}

	public static EmbeddedPostgresServer start(Path clusterDir) {
		return start(clusterDir, Duration.ofSeconds(1));
	}

	public static EmbeddedPostgresServer start(Path clusterDir, Duration restartDelay) {
		try {
			Files.createDirectories(clusterDir);
			// PostgreSQL refuses a data directory others can read (a copied or restored cluster often is)
			Files.setPosixFilePermissions(clusterDir, PosixFilePermissions.fromString("rwx------"));
			stopOrphanedServer(clusterDir);
			boolean reused = Files.exists(clusterDir.resolve("PG_VERSION"));
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(clusterDir)
				.setCleanDataDirectory(false)
				.setPort(freePort())
				.setPGStartupWait(Duration.ofSeconds(60));
			SERVER_CONFIG.forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			logger.info("Embedded PostgreSQL {} cluster in {} on 127.0.0.1:{}", reused ? "reused its" : "created a new",
					clusterDir.toAbsolutePath(), postgres.getPort());
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, clusterDir, restartDelay);
			server.supervisor.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + clusterDir, ex);
		}
	}

	public String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * The running server process, if there is one.
	 */
	public Optional<ProcessHandle> postmaster() {
		return postmaster(this.clusterDir);
	}

	@Override
	public void close() throws IOException {
		this.closing = true;
		this.supervisor.interrupt();
		synchronized (this) {
			// pg_ctl stop reads the cluster's pid file, so it stops a restarted server as well
			this.postgres.close();
		}
	}

	private void superviseUntilClosed() {
		while (!this.closing) {
			Optional<ProcessHandle> server = postmaster();
			if (server.isEmpty()) {
				restartUntilRunning("no server process");
				continue;
			}
			// where the binaries are, for a restart: the running server says it best
			server.get().info().command().map(Path::of).map(Path::getParent).ifPresent((bin) -> this.binaries = bin);
			try {
				server.get().onExit().get();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (ExecutionException ex) {
				// onExit never completes exceptionally; look again
			}
			if (!this.closing) {
				restartUntilRunning("its server process " + server.get().pid() + " exited");
			}
		}
	}

	private void restartUntilRunning(String why) {
		logger.warn("Embedded PostgreSQL in {} stopped unexpectedly ({}); starting it again on the same cluster",
				this.clusterDir, why);
		Duration delay = this.restartDelay;
		while (!this.closing) {
			try {
				TimeUnit.MILLISECONDS.sleep(delay.toMillis());
				synchronized (this) {
					if (this.closing) {
						return;
					}
					restart();
				}
				logger.info("Embedded PostgreSQL is running again in {} on 127.0.0.1:{} (crash recovery done)",
						this.clusterDir, this.postgres.getPort());
				return;
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (IOException | RuntimeException ex) {
				delay = delay.multipliedBy(2).compareTo(MAX_RESTART_DELAY) > 0 ? MAX_RESTART_DELAY : delay.multipliedBy(2);
				logger.warn("Could not start the embedded PostgreSQL again ({}); next try in {} s", ex.getMessage(),
						delay.toSeconds());
			}
		}
	}

	// pg_ctl as zonky runs it (under unshare -U when root), with the same options and port
	private void restart() throws IOException, InterruptedException {
		Path bin = this.binaries;
		if (bin == null) {
			throw new IOException("the PostgreSQL binaries were never seen running");
		}
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(this.postgres.getPort()), "-F"));
		SERVER_CONFIG.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", this.clusterDir.toString(), "-o",
				String.join(" ", options), "-w", "-t", "60", "-l", this.clusterDir.resolve("restart.log").toString(),
				"start"));
		Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (pgCtl.waitFor() != 0) {
			throw new IOException("pg_ctl start exited with " + pgCtl.exitValue() + ": " + lastLine(output)
					+ "; see " + this.clusterDir.resolve("restart.log"));
		}
	}

	private static Optional<ProcessHandle> postmaster(Path clusterDir) {
		try {
			Path pidFile = clusterDir.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty()
					: ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
						.filter(ProcessHandle::isAlive)
						.filter((process) -> process.info().command().map((c) -> c.contains("postgres")).orElse(false));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A kill -9 of the application leaves its PostgreSQL running and the cluster locked; stop that
	 * server so this start can take the cluster over.
	 */
	private static void stopOrphanedServer(Path clusterDir) throws IOException {
		Optional<ProcessHandle> server = postmaster(clusterDir);
		if (server.isPresent()) {
			logger.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", server.get().pid(),
					clusterDir);
			server.get().destroy();
			server.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
		}
		Files.deleteIfExists(clusterDir.resolve("postmaster.pid"));
	}

	private static Map<String, String> serverConfig() {
		Map<String, String> config = new LinkedHashMap<>();
		// zonky's own default, repeated so that a restart by pg_ctl gets it too
		config.put("timezone", "UTC");
		config.put("fsync", "on");
		config.put("synchronous_commit", "on");
		config.put("full_page_writes", "on");
		config.put("max_connections", "100");
		config.put("shared_buffers", "256MB");
		config.put("listen_addresses", "127.0.0.1");
		return Collections.unmodifiableMap(config);
	}

	private static String lastLine(String output) {
		int newline = output.lastIndexOf('\n');
		return (newline < 0) ? output : output.substring(newline + 1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
