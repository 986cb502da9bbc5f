package io.nopesight.core.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily sample partitions and monthly roll-up partitions, named by the period they hold
 * ({@code metric_sample_20261101}, {@code metric_daily_202611}).
 */
final class MetricPartitions {

	private static final String PARTITIONS = """
			SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
			WHERE i.inhparent = to_regclass(:parent) ORDER BY 1
			""";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final JdbcClient jdbc;

	MetricPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Drops every partition whose whole period ends at or before its cut-off.
	 */
	List<String> dropOlderThan(Instant rawCutoff, Instant hourlyCutoff) {
		List<String> dropped = new ArrayList<>();
		for (String name : partitions("metric_sample")) {
			LocalDate day = LocalDate.parse(name.substring("metric_sample_".length()), DAY);
			if (!end(day.plusDays(1)).isAfter(rawCutoff)) {
				drop(name, dropped);
			}
		}
		for (String name : partitions("metric_daily")) {
			LocalDate month = LocalDate.parse(name.substring("metric_daily_".length()) + "01", DAY);
			if (!end(month.plusMonths(1)).isAfter(hourlyCutoff)) {
				drop(name, dropped);
			}
		}
		return dropped;
	}

	private List<String> partitions(String parent) {
		return this.jdbc.sql(PARTITIONS).param("parent", parent).query(String.class).list();
	}

	private void drop(String name, List<String> dropped) {
		// the name comes from pg_class and matched our pattern when parsed; quote it all the same
		this.jdbc.sql("DROP TABLE IF EXISTS \"" + name.replace("\"", "\"\"") + "\"").update();
		dropped.add(name);
	}

	private static Instant end(LocalDate exclusiveEnd) {
		return exclusiveEnd.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
