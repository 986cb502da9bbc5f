package io.nopesight.reporting;

/**
 * Who looks at reports and schedules: a user sees their own, the reports others shared, and with
 * {@code admin} everything.
 */
public record ReportViewer(String owner, boolean admin) {

}
