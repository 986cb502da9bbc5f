package io.nopesight.nlq;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional LLM path ({@code nopesight.nlq.llm.*}): an OpenAI-compatible endpoint (OpenAI, or Ollama's
 * {@code /v1}), the model to ask, its API key if it wants one, and how long to wait for a plan before the
 * offline reader answers instead. Without a base URL the path is off and nothing of it is created.
 */
@ConfigurationProperties("nopesight.nlq.llm")
record LlmSettings(@Nullable String baseUrl, @Nullable String model, @Nullable String apiKey,
		@DefaultValue("5s") Duration timeout) {

	boolean enabled() {
		return this.baseUrl != null && !this.baseUrl.isBlank();
	}

}
