/**
 * The demo switch: when on, an empty CMDB is filled with the demo estate, each module loading the part it
 * owns, in a declared order.
 */
@NullMarked
package io.nopesight.core.demo;

import org.jspecify.annotations.NullMarked;
