package io.nopesight.core.database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The one {@link DataSource}: the configured server when {@code nopesight.db.url} is set, otherwise an
 * embedded PostgreSQL in {@code <data-dir>/postgres}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
@PropertySource("classpath:nopesight-database.properties")
public class DatabaseConfiguration {

	/**
	 * Locks the data folder before any other bean is made (see {@link DataFolderLock}).
	 */
	@Bean
	static DataFolderLock dataFolderLock() {
		return new DataFolderLock();
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgresHolder embeddedPostgres(DatabaseSettings settings,
			@Value("${nopesight.data-dir:data}") Path dataDir) {
		return new EmbeddedPostgresHolder(settings.embedded()
				? EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.restartDelay()) : null);
	}

	@Bean(destroyMethod = "close")
	ConnectionPool connectionPool(DatabaseSettings settings, EmbeddedPostgresHolder embedded) {
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
		// a database that is down is found out in a moment, not after Hikari's default 30 s per request
		long timeout = settings.connectionTimeout().toMillis();
		config.setConnectionTimeout(timeout);
		config.setValidationTimeout(Math.max(250, Math.min(timeout, 1000)));
		config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, timeout / 1000)));
		config.addDataSourceProperty("tcpKeepAlive", "true");
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		config.addDataSourceProperty("ApplicationName", "nopesight");
		return new ConnectionPool(new HikariDataSource(config));
	}

	@Bean(destroyMethod = "close")
	DatabaseAvailability databaseAvailability(ConnectionPool pool, DatabaseSettings settings, Clock clock) {
		return new DatabaseAvailability(pool.dataSource(), clock, settings.probeInterval());
	}

	@Bean
	DataSource dataSource(ConnectionPool pool, DatabaseAvailability availability) {
		return new AvailabilityGuardedDataSource(pool.dataSource(), availability);
	}

	/**
	 * The Hikari pool, closed after everything that uses it and before the embedded server stops.
	 */
	record ConnectionPool(HikariDataSource dataSource) implements AutoCloseable {

		@Override
		public void close() {
			this.dataSource.close();
		}

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
