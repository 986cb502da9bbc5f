package io.nopesight.core.discovery;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.Page;


/**
 * Takes in scans (stored exactly as received, so a failed job can be rerun) and keeps their history and
 * status. The work on a scan is done by the discovery job, which a {@link io.nopesight.core.work.WorkQueue}
 * item of kind {@link #WORK_KIND} runs on whichever node is free.
 */
public interface DiscoveryScans {

	/**
	 * The kind of work item that runs a scan's job; its subject is the scan id.
	 */
	String WORK_KIND = "discovery-scan";

	/**
	 * Checks the payload and stores it as a queued scan with its work item, in one transaction; nothing is
	 * stored when it is invalid.
	 */
	DiscoveryScan submit(byte[] body, ScanFormat format, @Nullable String scannerId, String actor);

	DiscoveryScan get(String id);

	List<ScanConflict> conflicts(String id);

	Page<DiscoveryScan> list(ScanQuery query);

	/**
	 * The stored payload, parsed again.
	 */
	ScanPayload payload(String id);

	void started(String id);

	void completed(String id);

	void failed(String id, String error);

	/**
	 * Puts a failed scan back in the queue, from its stored payload; its job then goes on from its last
	 * committed chunk.
	 * @throws ScanNotFoundException when there is no such scan
	 * @throws io.nopesight.core.ConflictException when the scan is not failed
	 */
	DiscoveryScan requeue(String id);

}
