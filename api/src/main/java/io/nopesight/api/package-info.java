/**
 * The HTTP face of NopeSight: controllers, errors, security and paging.
 */
@NullMarked
package io.nopesight.api;

import org.jspecify.annotations.NullMarked;
