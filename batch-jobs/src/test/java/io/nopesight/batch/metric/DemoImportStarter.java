package io.nopesight.batch.metric;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.nopesight.core.cmdb.CmdbManagement;

/**
 * In the crash test's child process: loads the demo CIs and starts importing the demo metrics, then
 * leaves the import running until the test kills the process.
 */
@Component
@ConditionalOnProperty("nopesight.test.start-demo-import")
class DemoImportStarter implements ApplicationRunner {

	private final CmdbManagement cmdb;

	private final MetricImports imports;

	DemoImportStarter(CmdbManagement cmdb, MetricImports imports) {
		this.cmdb = cmdb;
		this.imports = imports;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoEstateFixture.load(this.cmdb);
		this.imports.start(DemoEstateFixture.demoMetrics(), MetricImportFormat.CSV, null, "crash-test");
	}

}
