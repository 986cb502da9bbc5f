package io.nopesight.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.nopesight.core.database.EmbeddedPostgresServer;

/**
 * The PostgreSQL that tests run against: the local server ({@code NOPESIGHT_TEST_DB_URL}, default
 * 127.0.0.1:5432/test) when it answers, else one embedded server per JVM. Each caller gets a fresh
 * schema, so test classes never see each other's rows; Flyway fills it with the real migrations.
 */
public final class PostgresForTests {

	private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static String baseUrl;

	private static boolean cleaned;

	private PostgresForTests() {
	}

	/**
	 * A JDBC URL whose current schema is new and empty.
	 */
	public static synchronized String freshSchemaUrl() {
		String base = baseUrl();
		long now = System.currentTimeMillis() / 1000;
		String schema = "t_" + now + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		try (Connection connection = DriverManager.getConnection(base, user(), "");
				Statement statement = connection.createStatement()) {
			dropStaleSchemas(connection, now);
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test schema on " + base, ex);
		}
		return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/**
	 * Schemas of runs that ended more than a few hours ago; the name carries its creation time.
	 */
	private static void dropStaleSchemas(Connection connection, long now) throws SQLException {
		if (cleaned) {
			return;
		}
		cleaned = true;
		List<String> stale = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9]+_[0-9a-f]+$'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (now - Long.parseLong(name.split("_")[1]) > 3 * 3600) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
			}
		}
	}

	public static String user() {
		String user = System.getenv("NOPESIGHT_TEST_DB_USER");
		return (user != null) ? user : "postgres";
	}

	/**
	 * A new empty folder under {@code target/} for a test's data (search index, files).
	 */
	public static Path freshDataDir() {
		try {
			Path root = Path.of("target", "test-data");
			Files.createDirectories(root);
			return Files.createTempDirectory(root, "data-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String baseUrl() {
		if (baseUrl == null) {
			String configured = System.getenv("NOPESIGHT_TEST_DB_URL");
			String url = (configured != null) ? configured : DEFAULT_URL;
			baseUrl = answers(url) ? url : embedded();
		}
		return baseUrl;
	}

	private static boolean answers(String url) {
		try (Connection connection = DriverManager.getConnection(url, user(), "")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String embedded() {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of("target", "embedded-postgres"));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (IOException ex) {
				// the JVM is going away; nothing more to do
			}
		}));
		return server.jdbcUrl();
	}

}
