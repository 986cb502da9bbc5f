package io.nopesight.core.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The process connections and listening ports agents report, grouped for reading, and the dependencies
 * they reveal.
 */
public interface ProcessConnections {

	/**
	 * Stores what an agent saw on the host known as {@code ciId}; the same observation twice is kept once.
	 */
	void record(String scanId, String ciId, List<ObservedConnection> connections, List<ListeningPort> listening,
			Instant observedAt);

	/**
	 * The CI's connections grouped by process and remote IP, the remote CI resolved by IP.
	 */
	List<ConnectionGroup> groups(String ciId);

	Optional<ListeningPort> listening(String ciId, int port);

	/**
	 * Infers the {@code depends_on} relationships (client host to the host serving the port) that have the host
	 * known as {@code ciId} at one end, from every stored connection either agent reported between the two,
	 * leaving out monitoring scrapes and one-off noise; creates the ones not yet in the CMDB and re-weighs the
	 * ones it inferred before (links people set stay as they are). Run after each of
	 * the host's process scans, so an edge is weighed again whenever new evidence of it arrives, and the cost
	 * of a scan does not grow with the whole estate's traffic.
	 */
	InferenceResult inferDependencies(String ciId);

	/**
	 * Forgets the connections observed on UTC days that ended before {@code now} less the retention
	 * ({@code nopesight.discovery.connection-retention}, default 90 days): whole daily partitions are dropped.
	 * Returns the names of the dropped partitions. Relationships inferred from them stay.
	 */
	List<String> dropExpired(Instant now);

	/**
	 * Connections of one process of a CI to one remote address.
	 */
	record ConnectionGroup(String processName, String targetIp, @Nullable String targetServer,
			@Nullable String targetCiId, int connectionCount, List<Integer> ports, Instant firstSeen,
			Instant lastSeen) {
	}

	/**
	 * What one inference run found and created.
	 */
	record InferenceResult(int inferred, int created, int updated, List<InferredDependency> dependencies) {
	}

	/**
	 * One inferred dependency of a client CI on a server CI.
	 */
	record InferredDependency(String clientCiId, String serverCiId, List<Integer> ports, List<String> clientProcesses,
			List<String> serverProcesses, int observations, double confidence) {
	}

}
