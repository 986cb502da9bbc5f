package io.nopesight.core.work;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a work item stands: waiting for a worker, held by a node, or finished one way or the other.
 */
public enum WorkStatus {

	QUEUED, RUNNING, DONE, FAILED;

	public String value() {
		return name().toLowerCase();
	}

	public static Optional<WorkStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((status) -> status.value().equals(value)).findFirst();
	}

}
