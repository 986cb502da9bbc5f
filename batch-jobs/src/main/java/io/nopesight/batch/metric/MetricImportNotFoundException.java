package io.nopesight.batch.metric;

import io.nopesight.core.NotFoundException;

/**
 * No import (job) has this id.
 */
public class MetricImportNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	MetricImportNotFoundException(String id) {
		super("Job not found: " + id);
	}

}
