/**
 * Metric samples: the partitioned time-series store, its day roll-ups of hourly slots, retention and summaries.
 */
@NullMarked
package io.nopesight.core.metric;

import org.jspecify.annotations.NullMarked;
