package io.nopesight.core.discovery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;
import io.nopesight.core.Page;
import io.nopesight.core.work.WorkQueue;

@Service
class DefaultDiscoveryScans implements DiscoveryScans {

	private static final int MAX_ERROR = 2000;

	private final JdbcDiscoveryScanRepository scans;

	private final WorkQueue work;

	DefaultDiscoveryScans(JdbcDiscoveryScanRepository scans, WorkQueue work) {
		this.scans = scans;
		this.work = work;
	}

	@Override
	@Transactional
	public DiscoveryScan submit(byte[] body, ScanFormat format, @Nullable String scannerId, String actor) {
		ScanPayload scan = ScanParser.parse(body, format, scannerId);
		String id = Ids.next("scan");
		this.scans.insert(id, scan, body, actor, Instant.now().truncatedTo(ChronoUnit.MICROS));
		this.work.submit(WORK_KIND, id);
		return get(id);
	}

	@Override
	public DiscoveryScan get(String id) {
		return this.scans.findById(id).orElseThrow(() -> new ScanNotFoundException(id));
	}

	@Override
	public List<ScanConflict> conflicts(String id) {
		return this.scans.conflicts(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<DiscoveryScan> list(ScanQuery query) {
		long total = this.scans.count(query);
		List<DiscoveryScan> rows = (query.offset() >= total) ? List.of() : this.scans.list(query);
		return new Page<>(rows, total, query.page(), query.limit());
	}

	@Override
	public ScanPayload payload(String id) {
		JdbcDiscoveryScanRepository.StoredPayload stored = this.scans.payload(id)
			.orElseThrow(() -> new ScanNotFoundException(id));
		return ScanParser.parse(stored.body(), stored.format(), stored.scannerId());
	}

	@Override
	public void started(String id) {
		this.scans.started(id);
	}

	@Override
	public void completed(String id) {
		this.scans.finished(id, ScanStatus.COMPLETED, null);
	}

	@Override
	public void failed(String id, String error) {
		this.scans.finished(id, ScanStatus.FAILED, (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error);
	}

	@Override
	@Transactional
	public DiscoveryScan requeue(String id) {
		if (!this.scans.requeueFailed(id)) {
			DiscoveryScan scan = get(id);
			throw new ConflictException("Scan " + id + " is " + scan.status().value()
					+ "; only a failed scan can be run again");
		}
		// an item still queued or running (put back by a node that stopped) runs anyway; none: queue one
		if (!this.work.resubmit(WORK_KIND, id) && this.work.find(WORK_KIND, id).isEmpty()) {
			this.work.submit(WORK_KIND, id);
		}
		return get(id);
	}

}
