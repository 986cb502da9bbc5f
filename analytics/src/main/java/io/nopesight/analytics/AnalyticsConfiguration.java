package io.nopesight.analytics;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The analytics module's settings, and where the native BLAS/LAPACK libraries that Smile's AR uses unpack:
 * {@code <data-dir>/native}, beside everything else the application keeps, instead of JavaCPP's
 * {@code ~/.javacpp} (unless {@code org.bytedeco.javacpp.cachedir} is set, as the tests do).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsSettings.class)
class AnalyticsConfiguration {

	static final String NATIVE_CACHE = "org.bytedeco.javacpp.cachedir";

	AnalyticsConfiguration(@Value("${nopesight.data-dir:data}") Path dataDir) {
		if (System.getProperty(NATIVE_CACHE) == null) {
			System.setProperty(NATIVE_CACHE, dataDir.resolve("native").toAbsolutePath().toString());
		}
	}

}
