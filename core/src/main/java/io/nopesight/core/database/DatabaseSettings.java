package io.nopesight.core.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection settings ({@code NOPESIGHT_DB_URL}, {@code _USER}, {@code _PASSWORD}); with no URL the
 * application runs an embedded PostgreSQL in its data folder.
 */
@ConfigurationProperties("nopesight.db")
public record DatabaseSettings(String url, String user, String password, int poolSize) {

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
