/**
 * The audit log: who changed what, when, and with which request.
 */
@NullMarked
package io.nopesight.core.audit;

import org.jspecify.annotations.NullMarked;
