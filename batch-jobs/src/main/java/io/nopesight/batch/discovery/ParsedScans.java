package io.nopesight.batch.discovery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.nopesight.core.discovery.DiscoveryScans;
import io.nopesight.core.discovery.ScanPayload;

/**
 * The payloads of the scans whose jobs run on this node, parsed once per run and shared by the job's
 * steps (the host reader, the connections step) instead of each parsing the stored bytes again.
 */
@Component
class ParsedScans {

	private final DiscoveryScans scans;

	private final Map<String, ScanPayload> parsed = new ConcurrentHashMap<>();

	ParsedScans(DiscoveryScans scans) {
		this.scans = scans;
	}

	ScanPayload of(String scanId) {
		return this.parsed.computeIfAbsent(scanId, this.scans::payload);
	}

	void forget(String scanId) {
		this.parsed.remove(scanId);
	}

}
