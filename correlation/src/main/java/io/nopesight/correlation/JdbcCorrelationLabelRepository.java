package io.nopesight.correlation;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nopesight.correlation.PairModel.LabelledPair;

@Repository
class JdbcCorrelationLabelRepository {

	private static final String INSERT = """
			INSERT INTO correlation_label (event_a, event_b, same, features, actor, reason, created_at)
			VALUES (:a, :b, :same, :features, :actor, :reason, :at)
			""";

	private static final String ALL = "SELECT same, features FROM correlation_label ORDER BY id";

	private static final String COUNT = "SELECT count(*) FROM correlation_label";

	private final JdbcClient jdbc;

	JdbcCorrelationLabelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String eventA, String eventB, boolean same, double[] features, @Nullable String actor, String reason,
			Instant at) {
		Double[] boxed = new Double[features.length];
		for (int i = 0; i < features.length; i++) {
			boxed[i] = features[i];
		}
		this.jdbc.sql(INSERT)
			.param("a", eventA)
			.param("b", eventB)
			.param("same", same)
			.param("features", boxed)
			.param("actor", actor)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<LabelledPair> all() {
		return this.jdbc.sql(ALL).query((rs, n) -> new LabelledPair(doubles(rs.getArray("features")),
				rs.getBoolean("same"))).list();
	}

	long count() {
		return this.jdbc.sql(COUNT).query(Long.class).single();
	}

	private static double[] doubles(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		double[] doubles = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			doubles[i] = ((Number) values[i]).doubleValue();
		}
		return doubles;
	}

}
