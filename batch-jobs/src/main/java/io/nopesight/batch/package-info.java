/**
 * Spring Batch jobs: bulk work that must survive a restart.
 */
@NullMarked
package io.nopesight.batch;

import org.jspecify.annotations.NullMarked;
