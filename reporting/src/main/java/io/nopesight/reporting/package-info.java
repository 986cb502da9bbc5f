/**
 * Reports: templates rendered by JasperReports from the CMDB, metrics, events, services and forecasts, a report
 * queue in PostgreSQL shared by every node, schedules, and e-mail delivery.
 */
@NullMarked
package io.nopesight.reporting;

import org.jspecify.annotations.NullMarked;
