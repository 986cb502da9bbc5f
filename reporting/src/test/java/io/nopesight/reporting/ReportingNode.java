package io.nopesight.reporting;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.nopesight.ReportingTestApplication;
import io.nopesight.core.PostgresForTests;

/**
 * One node of the application, an application context of its own in this JVM, on a given schema with a data
 * folder of its own (so a worker id of its own), the test templates and renderer, and the clock the test
 * moves. Nodes that run at the same time need Quartz scheduler names of their own: Quartz keeps one scheduler
 * per name in a JVM.
 */
final class ReportingNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ReportingNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static ReportingNode start(String url, String schedulerName, Clock clock, String... settings) {
		return start(url, PostgresForTests.freshDataDir(), schedulerName, clock, settings);
	}

	static ReportingNode start(String url, Path dataDir, String schedulerName, Clock clock, String... settings) {
		List<String> properties = new ArrayList<>(List.of("nopesight.db.url=" + url,
				"nopesight.db.user=" + PostgresForTests.user(), "nopesight.data-dir=" + dataDir,
				"nopesight.db.pool-size=4", "spring.quartz.scheduler-name=" + schedulerName,
				"nopesight.work.poll-interval=100ms", "nopesight.work.lease=3s"));
		properties.addAll(List.of(settings));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingTestApplication.class,
				WithTestReports.class)
			.properties(properties.toArray(String[]::new))
			.initializers((app) -> app.getBeanFactory().registerSingleton("testClock", clock))
			.run();
		return new ReportingNode(context);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Import(TestReports.class)
	static class WithTestReports {

	}

}
