package io.nopesight.reporting;

import org.jspecify.annotations.Nullable;

/**
 * A row a template's table is filled from: the value of each of the template's fields by name. Rows are records
 * that answer their own fields, so a data source of a hundred thousand of them holds no map per row.
 */
interface ReportRow {

	@Nullable Object value(String field);

}
