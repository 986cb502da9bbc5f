/**
 * Business services over HTTP: definition, dependencies, health, SLA and the dependency map.
 */
@NullMarked
package io.nopesight.api.service;

import org.jspecify.annotations.NullMarked;
