package io.nopesight.nlq;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Creates the LLM plan reader only when a base URL is set: the default (an empty
 * {@code NOPESIGHT_LLM_BASE_URL}) creates no client, and questions are read offline as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmSettings.class)
class LlmConfiguration {

	@Bean
	@Conditional(BaseUrlSet.class)
	LlmPlanReader llmPlanReader(LlmSettings settings) {
		return new LlmPlanReader(settings);
	}

	/**
	 * A non-blank base URL. Not {@code @ConditionalOnProperty}: it would match the empty value that
	 * application.yml gives when the variable is unset.
	 */
	static final class BaseUrlSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("nopesight.nlq.llm.base-url"));
		}

	}

}
