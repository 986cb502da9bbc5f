package io.nopesight.core.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in two lines, without a stack trace, why a second start on a data folder in use stopped.
 */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
		return new FailureAnalysis(
				"The data folder " + cause.folder() + " is in use by another NopeSight process: " + cause.holder()
						+ ". Nothing was changed.",
				"Stop that process first, or give this one a data folder of its own (NOPESIGHT_DATA_DIR).", cause);
	}

}
