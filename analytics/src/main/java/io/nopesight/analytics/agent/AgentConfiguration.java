package io.nopesight.analytics.agent;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The agents' settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentSettings.class)
class AgentConfiguration {

}
