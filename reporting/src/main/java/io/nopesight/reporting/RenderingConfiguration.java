package io.nopesight.reporting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The rendering's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RenderingSettings.class)
class RenderingConfiguration {

}
