/**
 * Domain events stored in the writing transaction (an outbox), read back in commit-safe order.
 */
@NullMarked
package io.nopesight.core.outbox;

import org.jspecify.annotations.NullMarked;
