/**
 * Recurring work on cron schedules, kept in Quartz's clustered JDBC store in PostgreSQL, so that with several
 * nodes each fire runs on exactly one of them.
 */
@NullMarked
package io.nopesight.core.scheduling;

import org.jspecify.annotations.NullMarked;
