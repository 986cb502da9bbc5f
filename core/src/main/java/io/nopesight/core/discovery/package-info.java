/**
 * Discovery: scans as received, identification and reconciliation of hosts against the CMDB, and the
 * process connections agents report.
 */
@NullMarked
package io.nopesight.core.discovery;

import org.jspecify.annotations.NullMarked;
