/**
 * Business services: the CIs they are made of, how they depend on each other, their health over time and
 * their SLA, and the dependency map. {@link io.nopesight.correlation.service.Services} is the interface.
 */
@NullMarked
package io.nopesight.correlation.service;

import org.jspecify.annotations.NullMarked;
