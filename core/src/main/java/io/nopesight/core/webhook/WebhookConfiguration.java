package io.nopesight.core.webhook;

import java.net.InetAddress;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

	@Bean
	WebhookUrlGuard webhookUrlGuard(WebhookSettings settings) {
		return new WebhookUrlGuard(settings.allowedHosts(), InetAddress::getAllByName);
	}

	@Bean
	WebhookSender webhookSender(WebhookUrlGuard guard, Clock clock, WebhookSettings settings) {
		return new WebhookSender(guard, clock, settings.timeout());
	}

}
