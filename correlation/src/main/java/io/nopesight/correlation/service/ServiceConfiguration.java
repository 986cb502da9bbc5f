package io.nopesight.correlation.service;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The services' settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceSettings.class)
class ServiceConfiguration {

}
