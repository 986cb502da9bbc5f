package io.nopesight.core.database;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster kept in the data folder. The cluster is created once and reused on every later
 * start; a server left running by a process that died without stopping it is stopped first.
 */
public final class EmbeddedPostgresServer implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedPostgresServer start(Path clusterDir) {
		try {
			Files.createDirectories(clusterDir);
			// PostgreSQL refuses a data directory others can read (a copied or restored cluster often is)
			Files.setPosixFilePermissions(clusterDir, PosixFilePermissions.fromString("rwx------"));
			stopOrphanedServer(clusterDir);
			boolean reused = Files.exists(clusterDir.resolve("PG_VERSION"));
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(clusterDir)
				.setCleanDataDirectory(false)
				.setPort(freePort())
				.setPGStartupWait(Duration.ofSeconds(60))
				// zonky turns durability off for throwaway test databases; this one keeps the product's data
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.start();
			logger.info("Embedded PostgreSQL {} cluster in {} on 127.0.0.1:{}", reused ? "reused its" : "created a new",
					clusterDir.toAbsolutePath(), postgres.getPort());
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + clusterDir, ex);
		}
	}

	public String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

	/**
	 * A kill -9 of the application leaves its PostgreSQL running and the cluster locked; stop that
	 * server so this start can take the cluster over.
	 */
	private static void stopOrphanedServer(Path clusterDir) throws IOException {
		Path pidFile = clusterDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
				: ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		if (server.isPresent() && server.get().isAlive()
				&& server.get().info().command().map((c) -> c.contains("postgres")).orElse(false)) {
			logger.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", server.get().pid(),
					clusterDir);
			server.get().destroy();
			server.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
		}
		Files.deleteIfExists(pidFile);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
