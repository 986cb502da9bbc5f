package io.nopesight.api.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nopesight.api.deprecations}: routes to mark as deprecated. Each entry has a {@code path} pattern
 * ({@code /v1/cmdb/relationships/**}), the deprecation {@code date}, an {@code info} URL and optionally a
 * {@code sunset} date.
 */
@ConfigurationProperties("nopesight.api")
public record DeprecationSettings(@DefaultValue List<Deprecation> deprecations) {

	/**
	 * One deprecated route.
	 */
	public record Deprecation(String path, LocalDate date, @Nullable String info, @Nullable LocalDate sunset) {
	}

}
