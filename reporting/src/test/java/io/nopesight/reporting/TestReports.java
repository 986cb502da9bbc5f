package io.nopesight.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a test context small real templates and a renderer ({@link TestReportTemplates},
 * {@link TestReportRendering}) in place of the JasperReports ones. Primary, so they win where the real ones
 * are on the class path too; imported by the tests that use them and deliberately no {@code @Configuration},
 * so that component scanning never picks them up.
 */
public class TestReports {

	@Bean
	@Primary
	TestReportTemplates testReportTemplates() {
		return new TestReportTemplates();
	}

	@Bean
	@Primary
	TestReportRendering testReportRendering() {
		return new TestReportRendering();
	}

}
