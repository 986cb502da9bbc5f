package io.nopesight.core.cmdb;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nopesight.core.Page;

/**
 * Reads one page of a CI list, with its total and each row's relationship count, in one statement (so one
 * snapshot and one round trip).
 * A page past the first starts from the nearest cached anchor (see {@link PageAnchors}) and walks the
 * sort index from there, so every page costs about the same. The statement also returns the version of
 * the rows it read; a page read from anchors of another version is read again from fresh anchors.
 */
@Repository
class JdbcConfigurationItemPages {

	private static final String TYPE_FILTER = " AND type = :type";

	private static final String STATUS_FILTER = " AND status = :status";

	private static final String TOTAL = "(SELECT coalesce(sum(n), 0) FROM configuration_item_count WHERE true%s)";

	private static final String VERSION = "(SELECT coalesce(sum(version), 0) FROM configuration_item_version WHERE true%s)";

	private static final String PAGE = """
			SELECT %s AS total, %s AS version, p.*
			FROM (SELECT 1) one LEFT JOIN LATERAL (
			    SELECT %s FROM configuration_item WHERE true%s%s%s LIMIT :limit) p ON true
			""";

	private static final String START = " AND %1$s %2$s (SELECT %3$s, id FROM configuration_item WHERE true%4$s%5$s%6$s OFFSET :offset LIMIT 1)";

	private static final String ANCHORS = """
			SELECT %s AS version, value, id FROM (
			    SELECT %s AS value, id, row_number() OVER (%s) AS rn FROM configuration_item WHERE true%s) ranked
			WHERE (rn - 1) %% %d = 0 ORDER BY rn
			""";

	private final JdbcClient jdbc;

	private final PageAnchors anchors = new PageAnchors();

	JdbcConfigurationItemPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<ListedConfigurationItem> page(@Nullable String type, @Nullable ConfigurationItemStatus status,
			ConfigurationItemSort sort, boolean descending, int page, int limit) {
		long offset = (long) (page - 1) * limit;
		PageAnchors.Key key = new PageAnchors.Key(type, status, sort, descending);
		if (offset < PageAnchors.SPACING) {
			return read(key, offset, null, page, limit).page();
		}
		Optional<PageAnchors.Anchored> cached = this.anchors.get(key);
		if (cached.isPresent()) {
			Read read = read(key, offset, cached.get(), page, limit);
			if (read.version() == cached.get().version()) {
				return read.page();
			}
		}
		PageAnchors.Anchored fresh = readAnchors(key);
		Read read = read(key, offset, fresh, page, limit);
		// a write between the two statements: walk from the start of the ordering instead
		return (read.version() == fresh.version()) ? read.page() : read(key, offset, null, page, limit).page();
	}

	private Read read(PageAnchors.Key key, long offset, PageAnchors.@Nullable Anchored anchored, int page, int limit) {
		String filters = filters(key);
		String column = key.sort().column();
		String direction = key.descending() ? " DESC" : "";
		String orderBy = " ORDER BY " + column + direction + ", id" + direction;
		String rowKey = "(" + column + ", id)";
		String from = key.descending() ? "<=" : ">=";
		PageAnchors.SortKey anchor = (anchored != null) ? anchored.at(offset) : null;
		String start = "";
		if (offset > 0) {
			String fromAnchor = (anchor != null) ? " AND " + rowKey + " " + from + " (:anchorValue, :anchorId)" : "";
			start = START.formatted(rowKey, from, column, filters, fromAnchor, orderBy);
		}
		String sql = PAGE.formatted(TOTAL.formatted(filters), VERSION.formatted(typeOnly(key)),
				JdbcConfigurationItemRepository.LISTED_COLUMNS, filters, start, orderBy);
		JdbcClient.StatementSpec statement = bind(this.jdbc.sql(sql), key).param("limit", limit);
		if (offset > 0) {
			statement = statement.param("offset", (anchor != null) ? offset % PageAnchors.SPACING : offset);
		}
		if (anchor != null) {
			statement = statement.param("anchorValue", anchor.value()).param("anchorId", anchor.id());
		}
		long[] totalAndVersion = new long[2];
		List<ListedConfigurationItem> rows = new ArrayList<>(limit);
		statement.query((rs) -> {
			totalAndVersion[0] = rs.getLong("total");
			totalAndVersion[1] = rs.getLong("version");
			if (rs.getString("id") != null) {
				rows.add(JdbcConfigurationItemRepository.mapListed(rs, rows.size()));
			}
		});
		return new Read(new Page<>(rows, totalAndVersion[0], page, limit), totalAndVersion[1]);
	}

	private PageAnchors.Anchored readAnchors(PageAnchors.Key key) {
		String column = key.sort().column();
		String direction = key.descending() ? " DESC" : "";
		String sql = ANCHORS.formatted(VERSION.formatted(typeOnly(key)), column,
				"ORDER BY " + column + direction + ", id" + direction, filters(key), PageAnchors.SPACING);
		long[] version = { -1 };
		List<PageAnchors.SortKey> keys = new ArrayList<>();
		bind(this.jdbc.sql(sql), key).query((rs) -> {
			version[0] = rs.getLong("version");
			Object value = (key.sort() == ConfigurationItemSort.NAME) ? rs.getString("value")
					: rs.getObject("value", OffsetDateTime.class);
			keys.add(new PageAnchors.SortKey(value, rs.getString("id")));
		});
		PageAnchors.Anchored anchored = new PageAnchors.Anchored(version[0], List.copyOf(keys));
		if (version[0] >= 0) {
			this.anchors.put(key, anchored);
		}
		return anchored;
	}

	private static String filters(PageAnchors.Key key) {
		return ((key.type() != null) ? TYPE_FILTER : "") + ((key.status() != null) ? STATUS_FILTER : "");
	}

	private static String typeOnly(PageAnchors.Key key) {
		return (key.type() != null) ? TYPE_FILTER : "";
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, PageAnchors.Key key) {
		JdbcClient.StatementSpec bound = statement;
		if (key.type() != null) {
			bound = bound.param("type", key.type());
		}
		if (key.status() != null) {
			bound = bound.param("status", key.status().value());
		}
		return bound;
	}

	private record Read(Page<ListedConfigurationItem> page, long version) {
	}

}
