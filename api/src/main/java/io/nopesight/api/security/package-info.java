/**
 * Bearer tokens, scopes and who a request acts as.
 */
@NullMarked
package io.nopesight.api.security;

import org.jspecify.annotations.NullMarked;
