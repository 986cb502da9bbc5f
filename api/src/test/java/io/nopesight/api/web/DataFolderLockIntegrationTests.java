package io.nopesight.api.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ChildNode;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One process per data folder, on an embedded PostgreSQL as the README starts it: a second start on the
 * folder of a live instance refuses at once, names the folder and the live process, and leaves the live
 * instance and its PostgreSQL untouched; after the live instance is killed with SIGKILL, its lock has died
 * with it and the next start takes the folder over.
 */
class DataFolderLockIntegrationTests {

	private ChildNode first;

	private ChildNode third;

	// gracefully, so that each stops its embedded PostgreSQL
	@AfterEach
	void stopNodes() throws InterruptedException {
		for (ChildNode node : new ChildNode[] { this.first, this.third }) {
			if (node != null) {
				node.stop();
			}
		}
	}

	@Test
	void secondStartOnAFolderInUseRefusesAndChangesNothingAndAKilledHoldersLockIsTakenOver() throws Exception {
		// given
		Path data = PostgresForTests.freshDataDir();
		this.first = ChildNode.startEmbedded(data);
		Response created = this.first.api().post("/v1/cmdb/ci", Map.of("name", "LOCK-HELD-01", "type", "server"));
		assertThat(created.status()).isEqualTo(201);
		String postmaster = postmasterPid(data);
		long logBefore = Files.size(data.resolve("app.log"));
		// when
		Process second = ChildNode.launch(List.of("--nopesight.db.url="), data, ChildNode.freePort());
		// then
		assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("the second start ends by itself").isTrue();
		assertThat(second.exitValue()).isNotZero();
		String output = Files.readString(data.resolve("app.log"), StandardCharsets.UTF_8).substring((int) logBefore);
		assertThat(output).contains("The data folder " + data.toAbsolutePath() + " is in use by another NopeSight "
				+ "process: pid " + this.first.pid());
		assertThat(output).doesNotContain("Stopping PostgreSQL", "Embedded PostgreSQL", "Flyway");
		assertThat(postmasterPid(data)).as("the live instance's PostgreSQL").isEqualTo(postmaster);
		assertThat(this.first.api().get("/v1/cmdb/ci?search=LOCK-HELD-01").body()).contains("LOCK-HELD-01");
		// and when the holder dies without letting go
		this.first.kill();
		this.first = null;
		this.third = ChildNode.startEmbedded(data);
		// then
		assertThat(this.third.api().get("/v1/cmdb/ci?search=LOCK-HELD-01").body()).contains("LOCK-HELD-01");
	}

	private static String postmasterPid(Path data) throws Exception {
		return Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).strip();
	}

}
