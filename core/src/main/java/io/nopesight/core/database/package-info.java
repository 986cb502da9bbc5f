/**
 * Where the data lives: the configured PostgreSQL server, or an embedded one in the data folder.
 */
@NullMarked
package io.nopesight.core.database;

import org.jspecify.annotations.NullMarked;
