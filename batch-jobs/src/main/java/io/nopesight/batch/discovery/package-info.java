/**
 * The discovery jobs: reconcile a submitted scan's hosts with the CMDB, store process connections and
 * infer dependencies from them.
 */
@NullMarked
package io.nopesight.batch.discovery;

import org.jspecify.annotations.NullMarked;
