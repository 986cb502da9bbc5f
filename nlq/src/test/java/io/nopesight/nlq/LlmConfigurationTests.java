package io.nopesight.nlq;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM path is created only when a base URL is set; the default, an empty base URL as application.yml gives
 * it, leaves questions to the offline reader alone.
 */
class LlmConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(LlmConfiguration.class);

	@Test
	void createsNothingWithoutABaseUrl() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(LlmPlanReader.class));
		this.contexts.withPropertyValues("nopesight.nlq.llm.base-url=", "nopesight.nlq.llm.model=llama3.1")
			.run((context) -> assertThat(context).doesNotHaveBean(LlmPlanReader.class));
	}

	@Test
	void createsTheReaderWhenABaseUrlIsSet() {
		this.contexts
			.withPropertyValues("nopesight.nlq.llm.base-url=http://127.0.0.1:11434/v1", "nopesight.nlq.llm.model=llama3.1")
			.run((context) -> {
				assertThat(context).hasSingleBean(LlmPlanReader.class);
				assertThat(context.getBean(LlmSettings.class).timeout()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void refusesToStartWithABaseUrlButNoModel() {
		this.contexts.withPropertyValues("nopesight.nlq.llm.base-url=http://127.0.0.1:11434/v1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("nopesight.nlq.llm.model"));
	}

}
