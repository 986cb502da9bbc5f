package io.nopesight.api.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.reporting.DeliveryRequest;

/**
 * {@code delivery}: {@code method} {@code email} or {@code download}, the {@code recipients} of an e-mail (at
 * most 50), and {@code skip_if_empty}.
 */
record DeliveryBody(@Nullable String method, @Nullable List<String> recipients, @Nullable Boolean skipIfEmpty) {

	static @Nullable DeliveryRequest toRequest(@Nullable DeliveryBody body) {
		return (body != null)
				? new DeliveryRequest(body.method(), body.recipients(), Boolean.TRUE.equals(body.skipIfEmpty())) : null;
	}

}
