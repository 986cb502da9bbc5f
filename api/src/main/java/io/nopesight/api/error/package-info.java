/**
 * The one error format of the API, for every failure on every path.
 */
@NullMarked
package io.nopesight.api.error;

import org.jspecify.annotations.NullMarked;
