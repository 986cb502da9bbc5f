/**
 * The CMDB: configuration items, the relationships between them, and their search index.
 */
@NullMarked
package io.nopesight.core.cmdb;

import org.jspecify.annotations.NullMarked;
