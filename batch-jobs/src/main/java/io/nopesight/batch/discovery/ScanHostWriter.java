package io.nopesight.batch.discovery;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.nopesight.core.discovery.DiscoveryReconciliation;
import io.nopesight.core.discovery.DiscoveryScan;

/**
 * Reconciles a chunk of hosts in the chunk's transaction, so the CMDB changes, the scan's counts and the
 * reader's position commit together.
 */
class ScanHostWriter implements ItemWriter<IndexedHost> {

	private final DiscoveryReconciliation reconciliation;

	private final DiscoveryScan scan;

	ScanHostWriter(DiscoveryReconciliation reconciliation, DiscoveryScan scan) {
		this.reconciliation = reconciliation;
		this.scan = scan;
	}

	@Override
	public void write(Chunk<? extends IndexedHost> chunk) {
		List<? extends IndexedHost> items = chunk.getItems();
		if (items.isEmpty()) {
			return;
		}
		this.reconciliation.reconcile(this.scan.id(), this.scan.scannerId(), this.scan.scannedAt(),
				items.get(0).index(), items.stream().map(IndexedHost::host).toList());
	}

}
