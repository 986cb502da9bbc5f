package io.nopesight.core.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint as stored, with the secrets that sign for it.
 */
record StoredEndpoint(WebhookEndpoint endpoint, String secret, @Nullable String previousSecret,
		@Nullable Instant previousSecretUntil) {

	/**
	 * The secrets that sign at {@code now}: the current one, and the one rotated out while its overlap lasts.
	 */
	List<String> signingSecrets(Instant now) {
		List<String> secrets = new ArrayList<>(List.of(this.secret));
		if (this.previousSecret != null && this.previousSecretUntil != null && now.isBefore(this.previousSecretUntil)) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

}
