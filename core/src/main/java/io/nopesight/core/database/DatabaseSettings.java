package io.nopesight.core.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection settings ({@code NOPESIGHT_DB_URL}, {@code _USER}, {@code _PASSWORD}); with no URL the
 * application runs an embedded PostgreSQL in its data folder. {@code connectionTimeout}: how long a request
 * waits for a connection before the database counts as down; {@code probeInterval}: how often a down
 * database is tried again; {@code restartDelay}: the first wait before an embedded server that died is
 * started again (doubling up to 30 s while it fails).
 */
@ConfigurationProperties("nopesight.db")
public record DatabaseSettings(String url, String user, String password, int poolSize,
		@DefaultValue("2s") Duration connectionTimeout, @DefaultValue("500ms") Duration probeInterval,
		@DefaultValue("1s") Duration restartDelay) {

	public DatabaseSettings {
		url = (url == null) ? "" : url.trim();
		user = (user == null || user.isBlank()) ? "postgres" : user;
		password = (password == null) ? "" : password;
		poolSize = (poolSize <= 0) ? 16 : poolSize;
	}

	public boolean embedded() {
		return this.url.isEmpty();
	}

}
