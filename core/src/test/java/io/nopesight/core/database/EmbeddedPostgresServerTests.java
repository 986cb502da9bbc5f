package io.nopesight.core.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTests {

	@Test
	void startWhenOwnerWasKilledTakesTheClusterOverWithItsData() throws Exception {
		// given a cluster written by another JVM that is then killed -9, leaving its PostgreSQL running
		Path cluster = PostgresForTests.freshDataDir().resolve("postgres");
		Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
				Owner.class.getName(), cluster.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals("ready")) {
				// skip the owner's log until it has written its row
			}
		}
		assertThat(owner.destroyForcibly().waitFor(3, TimeUnit.MINUTES)).as("the owner is dead").isTrue();
		// when
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster);
		try {
			// then
			assertThat(query(server.jdbcUrl(), "SELECT v FROM kept")).isEqualTo("survives");
			assertThat(query(server.jdbcUrl(), "SHOW fsync")).isEqualTo("on");
			assertThat(query(server.jdbcUrl(), "SHOW synchronous_commit")).isEqualTo("on");
		}
		finally {
			server.close();
		}
	}

	private static String query(String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * The JVM that owns the cluster first and is killed.
	 */
	static final class Owner {

		public static void main(String[] args) throws Exception {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')");
			}
			System.out.println("ready");
			// until the test kills this JVM
			new CountDownLatch(1).await();
		}

	}

}
