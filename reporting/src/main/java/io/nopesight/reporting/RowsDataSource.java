package io.nopesight.reporting;

import java.util.Iterator;

import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * Feeds JasperReports from rows as they come: from a list, or from a database cursor that is never read into
 * memory whole. Read once, like every {@link JRDataSource}.
 */
final class RowsDataSource implements JRDataSource {

	private final Iterator<? extends ReportRow> rows;

	private @Nullable ReportRow current;

	RowsDataSource(Iterator<? extends ReportRow> rows) {
		this.rows = rows;
	}

	static RowsDataSource of(Iterable<? extends ReportRow> rows) {
		return new RowsDataSource(rows.iterator());
	}

	@Override
	public boolean next() {
		if (!this.rows.hasNext()) {
			this.current = null;
			return false;
		}
		this.current = this.rows.next();
		return true;
	}

	@Override
	public @Nullable Object getFieldValue(JRField field) {
		ReportRow row = this.current;
		return (row != null) ? row.value(field.getName()) : null;
	}

}
