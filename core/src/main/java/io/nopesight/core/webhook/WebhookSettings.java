package io.nopesight.core.webhook;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery ({@code nopesight.webhook.*}): hosts or CIDRs that may be private or loopback
 * ({@code allowed-hosts}, env {@code NOPESIGHT_WEBHOOK_ALLOWED_HOSTS}), sending threads per node
 * ({@code workers}), how many messages one endpoint may have in flight over all nodes
 * ({@code per-endpoint}, so a slow receiver holds only its own share), the request {@code timeout}, how often an
 * idle node looks for work ({@code poll-interval}), how long a node holds a claimed message ({@code lease}),
 * how long a rotated-out secret keeps signing ({@code secret-overlap}), after how long of failing only an
 * endpoint is disabled ({@code disable-after}) and how long finished deliveries are kept ({@code retention}).
 */
@ConfigurationProperties("nopesight.webhook")
public record WebhookSettings(@Nullable List<String> allowedHosts, int workers, int perEndpoint,
		@Nullable Duration timeout, @Nullable Duration pollInterval, @Nullable Duration lease,
		@Nullable Duration secretOverlap, @Nullable Duration disableAfter, @Nullable Duration retention) {

	public WebhookSettings {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		workers = (workers > 0) ? workers : 16;
		perEndpoint = (perEndpoint > 0) ? perEndpoint : 4;
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(15);
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofMillis(200);
		lease = (lease != null) ? lease : Duration.ofMinutes(1);
		secretOverlap = (secretOverlap != null) ? secretOverlap : Duration.ofHours(24);
		disableAfter = (disableAfter != null) ? disableAfter : Duration.ofDays(5);
		retention = (retention != null) ? retention : Duration.ofDays(7);
	}

}
