/**
 * Events and incidents: intake in the API's own format and from Prometheus Alertmanager, de-duplication,
 * grouping of events into incidents as they arrive, and the ranking of each incident's likely root cause.
 * {@link io.nopesight.correlation.Events}, {@link io.nopesight.correlation.Incidents} and
 * {@link io.nopesight.correlation.AlertmanagerIntake} are the module's interface; the rest is internal.
 */
@NullMarked
package io.nopesight.correlation;

import org.jspecify.annotations.NullMarked;
