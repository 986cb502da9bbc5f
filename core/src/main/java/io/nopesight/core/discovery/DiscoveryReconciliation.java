package io.nopesight.core.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Identifies discovered hosts against the CMDB and reconciles them: matched CIs get what the scan knows,
 * unmatched hosts become CIs, ambiguous ones are recorded as conflicts. Writes go through the CMDB, so
 * events and the search index follow.
 */
public interface DiscoveryReconciliation {

	List<IdentificationRule> rules();

	/**
	 * Reconciles a batch of a scan's hosts in one transaction and adds the outcome to the scan's counts.
	 * @param firstIndex the position of the first host in the scan, to name conflicts
	 */
	ReconciliationCounts reconcile(String scanId, String scannerId, Instant scannedAt, int firstIndex,
			List<DiscoveredHost> hosts);

	/**
	 * The dry run: what reconciling this host would do now, changing nothing.
	 */
	Identification identify(DiscoveredHost host, String scannerId, Instant scannedAt);

	/**
	 * The dry run for one host as a client describes it: a network scan's host fields ({@code ip_address},
	 * {@code hostname}, {@code mac_address}, {@code serial_number}, {@code os_guess}, {@code open_ports})
	 * and optionally {@code scanner_id}, validated as a scan's hosts are; throws
	 * {@link io.nopesight.core.InvalidInputException} naming the bad fields as the description has them.
	 */
	default Identification identify(Map<String, ? extends @Nullable Object> description, Instant scannedAt) {
		JsonScanParser.DryRun dryRun = JsonScanParser.dryRun(description);
		return identify(dryRun.host(), dryRun.scannerId(), scannedAt);
	}

	/**
	 * The CI a host is known as now (after reconciliation), if exactly one.
	 */
	Optional<String> ciOf(DiscoveredHost host);

}
