package io.nopesight.reporting;

import org.jspecify.annotations.Nullable;

/**
 * A page of the schedules a viewer may see (their own; every one for an admin), oldest first, narrowed to a
 * template and a creator.
 */
public record ScheduleQuery(ReportViewer viewer, @Nullable String templateId, @Nullable String createdBy, int page,
		int limit) {

}
