package io.nopesight.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.PostgresForTests;
import io.nopesight.core.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report queue across nodes and restarts, each node an application context of its own on one schema
 * ({@link ReportingNode}), with the test templates and renderer: two nodes never render one report twice,
 * and a report queued on a node that stops before rendering it, or while rendering it, is rendered by the
 * next node to start.
 */
class ReportQueueNodesIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final ReportViewer ADMIN = new ReportViewer("root@company.com", true);

	private final String url = PostgresForTests.freshSchemaUrl();

	private final TestClock clock = new TestClock();

	@Test
	void generateWhenTwoNodesShareTheQueueRendersEachReportOnceOnOneOfThem() throws IOException {
		// given
		Path dataA = PostgresForTests.freshDataDir();
		Path dataB = PostgresForTests.freshDataDir();
		try (ReportingNode a = ReportingNode.start(this.url, dataA, "nodes-a", this.clock);
				ReportingNode b = ReportingNode.start(this.url, dataB, "nodes-b", this.clock)) {
			// when: reports asked of either node
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				ReportingNode node = (i % 2 == 0) ? a : b;
				ids.add(node.bean(Reports.class)
					.generate(ReportQueueIntegrationTests.request("nodes-" + i, 1, "ann@company.com"))
					.reportId());
			}
			// then
			Reports reports = a.bean(Reports.class);
			await().atMost(PATIENCE)
				.until(() -> ids.stream().allMatch((id) -> reports.get(id, ADMIN).status() == ReportStatus.COMPLETED));
			for (int i = 0; i < 16; i++) {
				assertThat(TestReportRendering.renders("nodes-" + i)).as("renders of report %d", i).isEqualTo(1);
			}
			JdbcClient jdbc = a.bean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT DISTINCT attempts || ' ' || status FROM work_item WHERE kind = 'report'")
				.query(String.class)
				.list()).containsExactly("1 done");
			assertThat(jdbc.sql("SELECT DISTINCT claimed_by FROM work_item WHERE kind = 'report'")
				.query(String.class)
				.list()).isSubsetOf(nodeId(dataA), nodeId(dataB));
		}
	}

	private static String nodeId(Path dataDir) throws IOException {
		return Files.readString(dataDir.resolve("node-id"), StandardCharsets.UTF_8).strip();
	}

	@Test
	void generateWhenTheNodeStopsBeforeRenderingIsRenderedByTheNextNodeToStart() {
		// given: a node that only serves the API, so the report waits in the queue
		String id;
		try (ReportingNode apiOnly = ReportingNode.start(this.url, "restart-a", this.clock,
				"nopesight.reporting.workers=0")) {
			id = apiOnly.bean(Reports.class)
				.generate(ReportQueueIntegrationTests.request("restart-queued", 2, "ann@company.com"))
				.reportId();
			assertThat(apiOnly.bean(Reports.class).get(id, ADMIN).status()).isEqualTo(ReportStatus.GENERATING);
		}
		// when
		try (ReportingNode next = ReportingNode.start(this.url, "restart-b", this.clock)) {
			// then
			Reports reports = next.bean(Reports.class);
			await().atMost(PATIENCE).until(() -> reports.get(id, ADMIN).status() == ReportStatus.COMPLETED);
			assertThat(reports.get(id, ADMIN).rows()).isEqualTo(2);
			assertThat(TestReportRendering.renders("restart-queued")).isEqualTo(1);
		}
	}

	@Test
	void generateWhenTheNodeStopsWhileRenderingIsRenderedAgainByTheNextNodeToStart() throws Exception {
		// given: the first render blocks until its worker is interrupted
		String id;
		try (ReportingNode first = ReportingNode.start(this.url, "stop-a", this.clock)) {
			id = first.bean(Reports.class)
				.generate(new ReportRequest(TestReportTemplates.TEST, Map.of("label", "restart-rendering",
						"mode", "block"), null, null, null, false, "ann@company.com"))
				.reportId();
			assertThat(TestReportRendering.blocking("restart-rendering").await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
				.isTrue();
			// when: it stops (gracefully) in the middle of the render
		}
		try (ReportingNode next = ReportingNode.start(this.url, "stop-b", this.clock)) {
			// then
			Reports reports = next.bean(Reports.class);
			await().atMost(PATIENCE).until(() -> reports.get(id, ADMIN).status() != ReportStatus.GENERATING);
			assertThat(reports.get(id, ADMIN).status()).isEqualTo(ReportStatus.COMPLETED);
			assertThat(TestReportRendering.renders("restart-rendering")).isEqualTo(2);
			assertThat(next.bean(JdbcClient.class)
				.sql("SELECT attempts FROM work_item WHERE subject_id = :id")
				.param("id", id)
				.query(Integer.class)
				.single()).isEqualTo(2);
		}
	}

}
