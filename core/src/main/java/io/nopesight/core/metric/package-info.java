/**
 * Metric samples: the partitioned time-series store, its hourly roll-ups, retention and summaries.
 */
@NullMarked
package io.nopesight.core.metric;

import org.jspecify.annotations.NullMarked;
