/**
 * Reports over HTTP: generate one (answered at once), its status and deliveries, its download, the list, the
 * templates, and schedules.
 */
@NullMarked
package io.nopesight.api.report;

import org.jspecify.annotations.NullMarked;
