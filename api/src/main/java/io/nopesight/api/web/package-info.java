/**
 * Request ids, body limits, paging headers and the OpenAPI document.
 */
@NullMarked
package io.nopesight.api.web;

import org.jspecify.annotations.NullMarked;
