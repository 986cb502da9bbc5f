package io.nopesight.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a token needs to call an endpoint. Every {@code /v1} handler declares one; the OpenAPI
 * document lists it, and {@link ScopeInterceptor} enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredScope {

	String value();

}
