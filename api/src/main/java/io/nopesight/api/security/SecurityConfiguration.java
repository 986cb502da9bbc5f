package io.nopesight.api.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.nopesight.api.error.ApiError;
import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.api.error.ErrorCode;

/**
 * Every {@code /v1} path needs a bearer token, except the OpenAPI document; the rest (the console, Swagger UI,
 * health, unknown paths) is open. Refusals use the API's error format. Every answer carries a
 * Content-Security-Policy without inline scripts, {@code X-Content-Type-Options}, {@code Referrer-Policy} and
 * frame-ancestors none.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// what Spring Security's StrictHttpFirewall lets through by default
	private static final List<String> FIREWALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS");

	// the console's scripts and data come from this server only; styles may be set inline because the charts
	// size their canvases that way; no page may frame ours
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, TokenAuthenticator authenticator,
			AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDenied) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.deny()))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/v1/openapi.json", "/v1/openapi.json/**")
				.permitAll()
				.requestMatchers("/v1/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.addFilterBefore(new BearerTokenFilter(authenticator, entryPoint), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	AuthenticationEntryPoint entryPoint(ApiErrorWriter errors) {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"nopesight\"");
			String message = (request.getHeader("Authorization") == null)
					? "Missing Authorization header: send 'Authorization: Bearer <token>'" : ex.getMessage();
			errors.write(request, response, ErrorCode.AUTHENTICATION_REQUIRED, message, List.<ApiError.Detail>of());
		};
	}

	/**
	 * The firewall's refusals (encoded slashes or dots, path parameters, a method it does not know): 405 for the
	 * method, 400 for the rest.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ApiErrorWriter errors) {
		return (request, response, ex) -> {
			boolean method = !FIREWALL_METHODS.contains(request.getMethod());
			if (method) {
				response.setHeader("Allow", String.join(", ", FIREWALL_METHODS));
				errors.write(request, response, ErrorCode.METHOD_NOT_ALLOWED,
						"Method " + request.getMethod() + " is not supported", List.of());
			}
			else {
				errors.write(request, response, ErrorCode.VALIDATION_ERROR, "Request refused: " + ex.getMessage(),
						List.of(new ApiError.Detail("path", "must not hold encoded slashes, dots, backslashes, "
								+ "path parameters or control characters")));
			}
		};
	}

	@Bean
	AccessDeniedHandler accessDeniedHandler(ApiErrorWriter errors) {
		return (request, response, ex) -> errors.write(request, response, ErrorCode.PERMISSION_DENIED,
				"Insufficient permissions", List.of());
	}

}
