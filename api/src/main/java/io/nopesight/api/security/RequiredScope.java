package io.nopesight.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a token needs to call an endpoint. Every {@code /v1} handler declares one; the OpenAPI
 * document lists it, and {@link ScopeInterceptor} enforces it. {@link #AUTHENTICATED} admits any valid
 * token (the handler then decides, as {@code POST /v1/auth/token} does).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredScope {

	String AUTHENTICATED = "authenticated";

	String value();

}
