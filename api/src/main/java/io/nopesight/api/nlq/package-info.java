/**
 * Natural-language questions over HTTP.
 */
@NullMarked
package io.nopesight.api.nlq;

import org.jspecify.annotations.NullMarked;
