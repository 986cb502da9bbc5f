/**
 * Events over HTTP: intake in the API's format and Alertmanager's, lists, status, correlations.
 */
@NullMarked
package io.nopesight.api.event;

import org.jspecify.annotations.NullMarked;
