package io.nopesight.reporting;

import org.jspecify.annotations.Nullable;

/**
 * A page of the reports a viewer sees, newest first: their own, and with {@code includeShared} those
 * others shared (every report, for an admin); narrowed to a {@code category} and a creator.
 */
public record ReportQuery(ReportViewer viewer, @Nullable String category, @Nullable String createdBy,
		boolean includeShared, int page, int limit) {

}
