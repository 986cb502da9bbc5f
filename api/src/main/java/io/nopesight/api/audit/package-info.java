/**
 * The audit log over HTTP: every write through {@code /v1} is recorded, and admins read it at
 * {@code GET /v1/audit}.
 */
@NullMarked
package io.nopesight.api.audit;

import org.jspecify.annotations.NullMarked;
