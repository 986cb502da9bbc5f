package io.nopesight.analytics.agent;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agents' decisions and the predictions of their capacity recommendations, with how each was checked.
 */
@Repository
class JdbcAgentDecisionRepository {

	private static final String INSERT_DECISION = """
			INSERT INTO agent_decision (id, agent_id, question, intents, as_of, confidence, summary, created_at)
			VALUES (:id, :agent, :question, :intents, :asOf, :confidence, :summary, :now)
			""";

	private static final String INSERT_PREDICTION = """
			INSERT INTO agent_prediction (decision_id, ci_id, metric, as_of, check_at, step_seconds, expected, lower80,
			                              upper80, exhaustion_projected)
			VALUES (:decision, :ci, :metric, :asOf, :checkAt, :step, :expected, :lower80, :upper80, :exhaustion)
			""";

	private static final String PENDING = """
			SELECT decision_id, ci_id, metric, as_of, check_at, step_seconds, expected, lower80, upper80,
			       exhaustion_projected
			FROM agent_prediction
			WHERE checked_at IS NULL AND check_at <= :before AND (tried_at IS NULL OR tried_at < :retryBefore)
			ORDER BY tried_at NULLS FIRST, check_at, decision_id, ci_id, metric
			LIMIT :limit
			""";

	private static final String CHECKED = """
			UPDATE agent_prediction SET actual = :actual, hit = :hit, checked_at = :now
			WHERE decision_id = :decision AND ci_id = :ci AND metric = :metric AND check_at = :checkAt
			""";

	private static final String TRIED = """
			UPDATE agent_prediction SET tried_at = :now
			WHERE decision_id = :decision AND ci_id = :ci AND metric = :metric AND check_at = :checkAt
			""";

	private static final String STATS = """
			SELECT d.agent_id, count(*) AS decisions, avg(d.confidence) AS avg_confidence,
			       coalesce(sum(p.checked), 0) AS checked, coalesce(sum(p.hits), 0) AS hits
			FROM agent_decision d
			LEFT JOIN (SELECT decision_id, count(hit) AS checked, count(*) FILTER (WHERE hit) AS hits
			           FROM agent_prediction GROUP BY decision_id) p ON p.decision_id = d.id
			GROUP BY d.agent_id
			""";

	private static final RowMapper<Pending> PENDING_ROW = (rs, n) -> new Pending(rs.getString("decision_id"),
			new Prediction(rs.getString("ci_id"), rs.getString("metric"), rs.getTimestamp("as_of").toInstant(),
					rs.getTimestamp("check_at").toInstant(), Duration.ofSeconds(rs.getInt("step_seconds")),
					rs.getDouble("expected"), rs.getDouble("lower80"), rs.getDouble("upper80"),
					rs.getBoolean("exhaustion_projected")));

	private final JdbcClient jdbc;

	JdbcAgentDecisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Decision decision, List<Prediction> predictions) {
		this.jdbc.sql(INSERT_DECISION)
			.param("id", decision.id())
			.param("agent", decision.agentId())
			.param("question", decision.question())
			.param("intents", decision.intents())
			.param("asOf", Timestamp.from(decision.asOf()))
			.param("confidence", decision.confidence(), Types.DOUBLE)
			.param("summary", decision.summary())
			.param("now", Timestamp.from(decision.at()))
			.update();
		for (Prediction prediction : predictions) {
			this.jdbc.sql(INSERT_PREDICTION)
				.param("decision", decision.id())
				.param("ci", prediction.ciId())
				.param("metric", prediction.metric())
				.param("asOf", Timestamp.from(prediction.asOf()))
				.param("checkAt", Timestamp.from(prediction.checkAt()))
				.param("step", (int) prediction.step().toSeconds())
				.param("expected", prediction.expected())
				.param("lower80", prediction.lower80())
				.param("upper80", prediction.upper80())
				.param("exhaustion", prediction.exhaustionProjected())
				.update();
		}
	}

	List<Pending> pending(Instant before, Instant retryBefore, int limit) {
		return this.jdbc.sql(PENDING)
			.param("before", Timestamp.from(before))
			.param("retryBefore", Timestamp.from(retryBefore))
			.param("limit", limit)
			.query(PENDING_ROW)
			.list();
	}

	void tried(Pending pending, Instant now) {
		this.jdbc.sql(TRIED)
			.param("now", Timestamp.from(now))
			.param("decision", pending.decisionId())
			.param("ci", pending.prediction().ciId())
			.param("metric", pending.prediction().metric())
			.param("checkAt", Timestamp.from(pending.prediction().checkAt()))
			.update();
	}

	void checked(Pending pending, double actual, boolean hit, Instant now) {
		this.jdbc.sql(CHECKED)
			.param("actual", actual)
			.param("hit", hit)
			.param("now", Timestamp.from(now))
			.param("decision", pending.decisionId())
			.param("ci", pending.prediction().ciId())
			.param("metric", pending.prediction().metric())
			.param("checkAt", Timestamp.from(pending.prediction().checkAt()))
			.update();
	}

	Map<String, Stats> stats() {
		Map<String, Stats> stats = new HashMap<>();
		this.jdbc.sql(STATS).query((rs) -> {
			double confidence = rs.getDouble("avg_confidence");
			stats.put(rs.getString("agent_id"), new Stats(rs.getLong("decisions"), rs.wasNull() ? null : confidence,
					rs.getLong("checked"), rs.getLong("hits")));
		});
		return stats;
	}

	/**
	 * An answer as recorded.
	 */
	record Decision(String id, String agentId, String question, String intents, Instant asOf,
			@Nullable Double confidence, String summary, Instant at) {
	}

	/**
	 * A prediction not checked yet, and the decision it belongs to.
	 */
	record Pending(String decisionId, Prediction prediction) {
	}

	/**
	 * An agent's decisions, their mean confidence, and its checked predictions and hits.
	 */
	record Stats(long decisions, @Nullable Double avgConfidence, long checked, long hits) {
	}

}
