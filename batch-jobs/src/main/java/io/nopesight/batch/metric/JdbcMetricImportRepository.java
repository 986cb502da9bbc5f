package io.nopesight.batch.metric;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMetricImportRepository {

	private static final String INSERT = """
			INSERT INTO metric_import (id, format, gzip, default_ci, status, created_by)
			VALUES (:id, :format, :gzip, :defaultCi, 'running', :createdBy)
			""";

	private static final String INSERT_PIECE = """
			INSERT INTO metric_import_content (import_id, piece, data) VALUES (:id, :piece, :data)
			""";

	private static final String PIECE = "SELECT data FROM metric_import_content WHERE import_id = :id AND piece = :piece";

	private static final String DELETE_PIECES = "DELETE FROM metric_import_content WHERE import_id = :id";

	private static final String FIND = """
			SELECT id, format, file, gzip, default_ci, status, rows_read, rows_written, rows_skipped, error,
			       created_at, finished_at
			FROM metric_import WHERE id = :id
			""";

	private static final String SKIPPED = """
			SELECT line, reason FROM metric_import_skip WHERE import_id = :id ORDER BY line
			""";

	private static final String RECORD_CHUNK = """
			UPDATE metric_import SET rows_read = rows_read + :read, rows_written = rows_written + :written,
			       rows_skipped = rows_skipped + :skipped
			WHERE id = :id
			""";

	private static final String RECORD_SKIPS = """
			INSERT INTO metric_import_skip (import_id, line, reason)
			SELECT :id, s.line, s.reason FROM unnest(:lines::int8[], :reasons::text[]) AS s(line, reason)
			ORDER BY s.line
			LIMIT greatest(0, :max - (SELECT count(*) FROM metric_import_skip WHERE import_id = :id))
			ON CONFLICT DO NOTHING
			""";

	private static final String FINISH = """
			UPDATE metric_import SET status = :status, error = :error, finished_at = now()
			WHERE id = :id
			""";

	private static final RowMapper<StoredImport> STORED = (rs, n) -> new StoredImport(rs.getString("id"),
			MetricImportFormat.fromValue(rs.getString("format")).orElseThrow(), rs.getString("file"), rs.getBoolean("gzip"),
			rs.getString("default_ci"), rs.getString("status"), rs.getLong("rows_read"), rs.getLong("rows_written"),
			rs.getLong("rows_skipped"), rs.getString("error"), rs.getTimestamp("created_at").toInstant(),
			(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null);

	private final JdbcClient jdbc;

	JdbcMetricImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, MetricImportFormat format, boolean gzip, @Nullable String defaultCi, String createdBy) {
		this.jdbc.sql(INSERT)
			.param("id", id)
			.param("format", format.value())
			.param("gzip", gzip)
			.param("defaultCi", defaultCi)
			.param("createdBy", createdBy)
			.update();
	}

	void insertPiece(String id, int piece, byte[] data) {
		this.jdbc.sql(INSERT_PIECE).param("id", id).param("piece", piece).param("data", data).update();
	}

	Optional<byte[]> piece(String id, int piece) {
		return this.jdbc.sql(PIECE).param("id", id).param("piece", piece).query(byte[].class).optional();
	}

	void deletePieces(String id) {
		this.jdbc.sql(DELETE_PIECES).param("id", id).update();
	}

	Optional<StoredImport> find(String id) {
		return this.jdbc.sql(FIND).param("id", id).query(STORED).optional();
	}

	List<MetricImport.SkippedRow> skipped(String id) {
		return this.jdbc.sql(SKIPPED).param("id", id).query(MetricImport.SkippedRow.class).list();
	}

	void recordChunk(String id, long read, long written, long skipped, List<MetricImport.SkippedRow> skips,
			int maxReasons) {
		this.jdbc.sql(RECORD_CHUNK)
			.param("id", id)
			.param("read", read)
			.param("written", written)
			.param("skipped", skipped)
			.update();
		if (!skips.isEmpty()) {
			this.jdbc.sql(RECORD_SKIPS)
				.param("id", id)
				.param("lines", skips.stream().mapToLong(MetricImport.SkippedRow::line).toArray())
				.param("reasons", skips.stream().map(MetricImport.SkippedRow::reason).toArray(String[]::new))
				.param("max", maxReasons)
				.update();
		}
	}

	void finish(String id, String status, @Nullable String error) {
		this.jdbc.sql(FINISH).param("id", id).param("status", status).param("error", error).update();
	}

	/**
	 * The stored row of an import.
	 */
	record StoredImport(String id, MetricImportFormat format, @Nullable String file, boolean gzip, @Nullable String defaultCi,
			String status, long rowsRead, long rowsWritten, long rowsSkipped, @Nullable String error,
			Instant createdAt, @Nullable Instant finishedAt) {

		MetricImport toImport(List<MetricImport.SkippedRow> skipped) {
			return new MetricImport(this.id, this.format, this.status, this.rowsRead, this.rowsWritten,
					this.rowsSkipped, skipped, this.error, this.createdAt, this.finishedAt);
		}

	}

}
