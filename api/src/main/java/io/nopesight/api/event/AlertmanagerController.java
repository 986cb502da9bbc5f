package io.nopesight.api.event;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.correlation.AlertmanagerIntake;
import io.nopesight.correlation.AlertmanagerIntake.AlertmanagerResult;

/**
 * Prometheus Alertmanager's webhook receiver.
 */
@Tag(name = "Integrations")
@RestController
class AlertmanagerController {

	private final AlertmanagerIntake intake;

	AlertmanagerController(AlertmanagerIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/v1/integrations/alertmanager", consumes = "application/json")
	@RequiredScope("events.write")
	@Operation(summary = "Alertmanager webhook (payload version 4)",
			description = "Point a webhook receiver here with the token as `http_config.authorization.credentials`. "
					+ "One event per alert occurrence (fingerprint + startsAt): retries and HA duplicates change "
					+ "nothing, `resolved` resolves the event. The CI is bound through the `instance` label (address "
					+ "or host name, port left out).")
	AlertmanagerResult receive(@RequestBody byte @Nullable [] body) {
		return this.intake.receive((body != null) ? body : new byte[0], CurrentPrincipal.owner());
	}

}
