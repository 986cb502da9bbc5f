package io.nopesight.core.database;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource}: the configured server when {@code nopesight.db.url} is set, otherwise an
 * embedded PostgreSQL in {@code <data-dir>/postgres}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
public class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresHolder embeddedPostgres(DatabaseSettings settings,
			@Value("${nopesight.data-dir:data}") Path dataDir) {
		return new EmbeddedPostgresHolder(
				settings.embedded() ? EmbeddedPostgresServer.start(dataDir.resolve("postgres")) : null);
	}

	@Bean
	DataSource dataSource(DatabaseSettings settings, EmbeddedPostgresHolder embedded) {
		HikariConfig config = new HikariConfig();
		EmbeddedPostgresServer server = embedded.server();
		// the embedded cluster runs with trust authentication on loopback
		config.setJdbcUrl((server != null) ? server.jdbcUrl() : settings.url());
		config.setUsername((server != null) ? "postgres" : settings.user());
		config.setPassword((server != null) ? "" : settings.password());
		config.setMaximumPoolSize(settings.poolSize());
		// connections open as load asks for them, so idle nodes (and cached test contexts) hold few
		config.setMinimumIdle(Math.min(2, settings.poolSize()));
		config.setPoolName("nopesight");
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		config.addDataSourceProperty("ApplicationName", "nopesight");
		return new HikariDataSource(config);
	}

	/**
	 * Keeps the embedded server's lifecycle tied to the context, stopping it after the pool has closed.
	 */
	public record EmbeddedPostgresHolder(@Nullable EmbeddedPostgresServer server) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (this.server != null) {
				this.server.close();
			}
		}

	}

}
