/**
 * Access tokens: who a request acts as and what it may do. Tokens are stored only as hashes.
 */
@NullMarked
package io.nopesight.core.access;

import org.jspecify.annotations.NullMarked;
