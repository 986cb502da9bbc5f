/**
 * HTTP for discovery: scan intake and history, identification rules and dry runs, process connections.
 */
@NullMarked
package io.nopesight.api.discovery;

import org.jspecify.annotations.NullMarked;
