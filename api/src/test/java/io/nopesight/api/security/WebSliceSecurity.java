package io.nopesight.api.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import io.nopesight.api.web.DeprecationSettings;

/**
 * The application's own bearer-token security for web-layer slice tests, which leave out everything that is
 * not a controller, filter or MVC configuration: the filter chain, the token authenticator (the configured
 * admin token works; stored tokens come from a mocked {@code AccessTokens}) and the settings they and the web
 * filters read. No {@code @Configuration}, so a second node started from this class path never scans it.
 */
@Import({ SecurityConfiguration.class, TokenAuthenticator.class, Jwts.class })
@EnableConfigurationProperties({ AdminTokenSettings.class, JwtSettings.class, DeprecationSettings.class })
public class WebSliceSecurity {

}
