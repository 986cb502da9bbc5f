/**
 * Business services: the dependency map of a service, laid out and drawn as SVG or PNG.
 */
@NullMarked
package io.nopesight.correlation.service;

import org.jspecify.annotations.NullMarked;
