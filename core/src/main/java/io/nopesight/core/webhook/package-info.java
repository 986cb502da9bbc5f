/**
 * Webhooks: endpoints that receive every change the outbox carries, signed and retried (Standard Webhooks v1).
 */
@NullMarked
package io.nopesight.core.webhook;

import org.jspecify.annotations.NullMarked;
