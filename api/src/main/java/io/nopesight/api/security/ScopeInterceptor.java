package io.nopesight.api.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.nopesight.api.error.ApiError;
import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.core.access.Principal;
import io.nopesight.api.error.ErrorCode;

/**
 * Enforces {@link RequiredScope}: a valid token without the scope gets 403 {@code PERMISSION_DENIED}. A
 * {@code /v1} handler without the annotation is refused too, so a forgotten declaration fails closed.
 */
@Configuration(proxyBeanMethods = false)
class ScopeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final ApiErrorWriter errors;

	ScopeInterceptor(ApiErrorWriter errors) {
		this.errors = errors;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/v1/**").excludePathPatterns("/v1/openapi.json/**",
				"/v1/openapi.json");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		RequiredScope required = method.getMethodAnnotation(RequiredScope.class);
		String scope = (required != null) ? required.value() : Principal.ADMIN_SCOPE;
		if (RequiredScope.AUTHENTICATED.equals(scope) || CurrentPrincipal.get().has(scope)) {
			return true;
		}
		this.errors.write(request, response, ErrorCode.PERMISSION_DENIED, "Insufficient permissions",
				List.of(new ApiError.Detail("scope", "this operation needs the '" + scope + "' scope")));
		return false;
	}

}
