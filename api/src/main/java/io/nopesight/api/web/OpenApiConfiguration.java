package io.nopesight.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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

	@Bean
	OpenAPI nopeSightOpenApi() {
		return new OpenAPI()
			.info(new Info().title("NopeSight API")
				.version("v1")
				.description("Self-hosted CMDB and AIOps engine. Every /v1 operation needs "
						+ "`Authorization: Bearer <token>` with the scope the operation names.")
				.license(new License().name("GPL-3.0-or-later").identifier("GPL-3.0-or-later")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
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
