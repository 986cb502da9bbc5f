/**
 * A generated sample estate that fills an empty CMDB when the demo switch is on.
 */
@NullMarked
package io.nopesight.core.demo;

import org.jspecify.annotations.NullMarked;
