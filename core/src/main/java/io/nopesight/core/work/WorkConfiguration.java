package io.nopesight.core.work;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the work queue's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkSettings.class)
class WorkConfiguration {

}
