/**
 * Metric import (CSV and Prometheus text) as a restartable Spring Batch job, and metric retention.
 */
@NullMarked
package io.nopesight.batch.metric;

import org.jspecify.annotations.NullMarked;
