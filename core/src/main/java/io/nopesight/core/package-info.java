/**
 * NopeSight's domain: configuration items, relationships and the events they publish.
 */
@NullMarked
package io.nopesight.core;

import org.jspecify.annotations.NullMarked;
