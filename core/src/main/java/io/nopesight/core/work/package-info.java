/**
 * Background work that every node shares: items in PostgreSQL, claimed under a renewed lease, run by a
 * bounded pool of workers, taken over when their node dies.
 */
@NullMarked
package io.nopesight.core.work;

import org.jspecify.annotations.NullMarked;
