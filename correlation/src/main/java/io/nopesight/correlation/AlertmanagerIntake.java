package io.nopesight.correlation;

/**
 * Takes Prometheus Alertmanager's webhook (payload version 4): one event per alert, keyed by the alert's
 * fingerprint and {@code startsAt}, so Alertmanager's retries and the duplicates of its HA peers change
 * nothing; a {@code resolved} alert resolves its event.
 */
public interface AlertmanagerIntake {

	/**
	 * @param payload the webhook's JSON body
	 * @throws io.nopesight.core.InvalidInputException when it is not an Alertmanager payload
	 */
	AlertmanagerResult receive(byte[] payload, String actor);

	/**
	 * What one notification did.
	 */
	record AlertmanagerResult(String receiver, String groupStatus, int alerts, int created, int duplicates,
			int resolved, int unbound) {
	}

}
