package io.nopesight.core.metric;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the metric store's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricSettings.class)
class MetricConfiguration {

}
