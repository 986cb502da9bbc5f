/**
 * HTTP for the CMDB: configuration items, relationships and IP lookups.
 */
@NullMarked
package io.nopesight.api.cmdb;

import org.jspecify.annotations.NullMarked;
