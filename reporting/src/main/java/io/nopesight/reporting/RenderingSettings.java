package io.nopesight.reporting;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reports are rendered: how many filled pages a render keeps in memory before the rest go to its swap file
 * ({@code nopesight.reports.rendering.virtualizer-pages}), and where swap files go
 * ({@code nopesight.reports.rendering.temp-dir}, the JVM's temporary directory when not set).
 */
@ConfigurationProperties("nopesight.reports.rendering")
record RenderingSettings(@DefaultValue("50") int virtualizerPages, @Nullable Path tempDir) {
}
