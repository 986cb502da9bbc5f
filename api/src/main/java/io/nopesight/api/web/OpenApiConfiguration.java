package io.nopesight.api.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nopesight.api.security.RequiredScope;

/**
 * The OpenAPI 3.1 document at {@code /v1/openapi.json}: bearer authentication, and on every operation the
 * scope it needs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	// the order the documentation shows them in: the CMDB, what feeds it, then access
	private static final List<Tag> TAGS = List.of(
			tag("Configuration items", "Create, read, update, delete, list and search CIs"),
			tag("Relationships", "Typed, directed links between CIs"),
			tag("IP lookup", "Find the CI that carries an IP address"),
			tag("Discovery scans", "Submit network and process scans and nmap XML; the scan history"),
			tag("Identification", "The rules that match scanned hosts to CIs, and a dry run of them"),
			tag("Process connections",
					"What agents saw: a CI's connections by process and target, and the process on a port"),
			tag("Metrics", "Send, import and read metric samples; Prometheus remote write"),
			tag("Events", "Report events (alerts), list them, acknowledge and resolve them, see their correlations"),
			tag("Incidents", "Events grouped into incidents with their likely root cause; merge and move to correct"),
			tag("Services", "Business services: components, dependencies, health and SLA, the dependency map"),
			tag("Forecasts", "Capacity forecasts with intervals and projected exhaustion, for one CI or many; anomalies"),
			tag("AI query", "Plain-English questions about the estate, answered with how they were understood"),
			tag("Reports", "Generate reports in the background, follow their status and deliveries, download them; "
					+ "the templates"),
			tag("Report schedules", "Reports on a cron or a daily, weekly or monthly period, delivered by e-mail"),
			tag("AI Agents", "The Infrastructure Optimizer and the Event Analyst: their performance, and questions to them"),
			tag("Webhooks", "Every change sent to your endpoints, signed (Standard Webhooks v1) and retried; "
					+ "deliveries and redelivery"),
			tag("Integrations", "Receivers for other tools' notifications: Prometheus Alertmanager"),
			tag("Tokens", "Exchange credentials for a JWT"), tag("API keys", "Create, list and revoke API keys"),
			tag("Service accounts", "Service accounts and their keys"),
			tag("Discovery tokens", "Tokens that scanners and agents submit scans with"),
			tag("Audit", "Who did what, when"));

	@Bean
	OpenAPI nopeSightOpenApi() {
		return new OpenAPI()
			.info(new Info().title("NopeSight API")
				.version("v1")
				.description("Self-hosted CMDB and AIOps engine. Every /v1 operation needs "
						+ "`Authorization: Bearer <token>` with the scope the operation names.")
				.license(new License().name("GPL-3.0-or-later").identifier("GPL-3.0-or-later")))
			.tags(TAGS)
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
	}

	private static Tag tag(String name, String description) {
		return new Tag().name(name).description(description);
	}

	@Bean
	OperationCustomizer requiredScopes() {
		return (operation, handler) -> {
			RequiredScope scope = handler.getMethodAnnotation(RequiredScope.class);
			if (scope != null) {
				operation.addSecurityItem(new SecurityRequirement().addList(BEARER, scope.value()));
				operation.addExtension("x-required-scope", scope.value());
				String description = (operation.getDescription() != null) ? operation.getDescription() + "\n\n" : "";
				operation.setDescription(description + "Requires scope `" + scope.value() + "`.");
			}
			return operation;
		};
	}

}
