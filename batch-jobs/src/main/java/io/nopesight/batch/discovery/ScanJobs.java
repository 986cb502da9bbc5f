package io.nopesight.batch.discovery;

/**
 * Runs the discovery job of a stored scan in the background, and on start-up resumes the scans whose
 * job did not finish (a job cut off half-way goes on from its last committed chunk).
 */
public interface ScanJobs {

	void start(String scanId);

}
