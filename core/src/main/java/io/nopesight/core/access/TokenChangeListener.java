package io.nopesight.core.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds one connection that {@code LISTEN}s for changes to stored tokens and empties the {@link TokenCache}
 * on each. While it is not listening (starting, connection lost), the cache is off and every token is
 * looked up in the database.
 */
@Component
class TokenChangeListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TokenChangeListener.class);

	private final DataSource dataSource;

	private final TokenCache cache;

	private volatile boolean running;

	private Thread thread;

	TokenChangeListener(DataSource dataSource, TokenCache cache) {
		this.dataSource = dataSource;
		this.cache = cache;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "access-token-listener");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.cache.enable(false);
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN access_token_changed");
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.cache.enable(true);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null && notifications.length > 0) {
						this.cache.clear();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				boolean wasListening = this.cache.enabled();
				this.cache.enable(false);
				if (this.running) {
					if (wasListening) {
						logger.warn("Lost the access-token change listener ({}); looking every token up until it is "
								+ "back", ex.getMessage());
					}
					pause();
				}
			}
		}
		this.cache.enable(false);
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
