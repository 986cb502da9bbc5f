package io.nopesight.core.cmdb;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Lucene index of CIs lives; by default {@code <data-dir>/index}.
 */
@ConfigurationProperties("nopesight.search")
public record SearchSettings(@Nullable Path indexDir) {
}
