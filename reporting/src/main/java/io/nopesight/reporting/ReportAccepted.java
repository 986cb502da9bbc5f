package io.nopesight.reporting;

import java.time.Instant;

/**
 * A report queued for rendering, and when it is expected to be ready.
 */
public record ReportAccepted(String reportId, ReportStatus status, Instant estimatedCompletion) {

}
