/**
 * Webhooks over HTTP: register, change and remove endpoints, rotate their secrets, test them, and see and repeat
 * their deliveries.
 */
@NullMarked
package io.nopesight.api.webhook;

import org.jspecify.annotations.NullMarked;
