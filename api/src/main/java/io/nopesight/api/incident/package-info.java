/**
 * Incidents over HTTP: lists, one incident with its events, root-cause candidates and timeline, and the
 * corrections people make (status, merge, moving events).
 */
@NullMarked
package io.nopesight.api.incident;

import org.jspecify.annotations.NullMarked;
