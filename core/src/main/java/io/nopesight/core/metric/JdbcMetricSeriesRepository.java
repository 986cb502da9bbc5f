package io.nopesight.core.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps (CI, metric, labels) to the series' integer id, creating series on first sight. Series are
 * created in their own short transaction, so an id in the cache always exists even when the write that
 * needed it rolls back.
 */
@Repository
class JdbcMetricSeriesRepository {

	private static final String INSERT = """
			INSERT INTO metric_series (ci_id, metric, labels)
			SELECT k.ci_id, k.metric, k.labels::jsonb
			FROM unnest(:ciIds::text[], :metrics::text[], :labels::text[]) AS k(ci_id, metric, labels)
			ORDER BY 1, 2, 3
			ON CONFLICT (ci_id, metric, labels) DO NOTHING
			""";

	private static final String FIND = """
			SELECT s.id, s.ci_id, s.metric, s.labels::text AS labels
			FROM metric_series s
			JOIN unnest(:ciIds::text[], :metrics::text[], :labels::text[]) AS k(ci_id, metric, labels)
			  ON s.ci_id = k.ci_id AND s.metric = k.metric AND s.labels = k.labels::jsonb
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() {
	};

	private final Map<SeriesKey, Integer> ids = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	JdbcMetricSeriesRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The series id of each sample, in the samples' order.
	 */
	int[] idsOf(List<MetricSample> samples) {
		int[] result = new int[samples.size()];
		Map<SeriesKey, MetricSample> missing = new HashMap<>();
		SeriesKey[] keys = new SeriesKey[samples.size()];
		for (int i = 0; i < samples.size(); i++) {
			MetricSample sample = samples.get(i);
			keys[i] = new SeriesKey(sample.ciId(), sample.metric(), sample.labels());
			Integer id = this.ids.get(keys[i]);
			if (id == null) {
				missing.putIfAbsent(keys[i], sample);
			}
			else {
				result[i] = id;
			}
		}
		if (!missing.isEmpty()) {
			create(missing);
			for (int i = 0; i < samples.size(); i++) {
				if (result[i] == 0) {
					result[i] = this.ids.get(keys[i]);
				}
			}
		}
		return result;
	}

	/**
	 * The id of a series already known to this node, or 0 (identity ids start at 1).
	 */
	int cachedId(String ciId, String metric, Map<String, String> labels) {
		Integer id = this.ids.get(new SeriesKey(ciId, metric, labels));
		return (id != null) ? id : 0;
	}

	static String labelsJson(Map<String, String> labels) {
		return labels.isEmpty() ? "{}" : JSON.writeValueAsString(new TreeMap<>(labels));
	}

	static Map<String, String> labels(String json) {
		return "{}".equals(json) ? Map.of() : JSON.readValue(json, LABELS);
	}

	private void create(Map<SeriesKey, MetricSample> missing) {
		List<String> ciIds = new ArrayList<>();
		List<String> metrics = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		missing.values().forEach((sample) -> {
			ciIds.add(sample.ciId());
			metrics.add(sample.metric());
			labels.add(labelsJson(sample.labels()));
		});
		String[] ciArray = ciIds.toArray(String[]::new);
		String[] metricArray = metrics.toArray(String[]::new);
		String[] labelArray = labels.toArray(String[]::new);
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql(INSERT)
			.param("ciIds", ciArray)
			.param("metrics", metricArray)
			.param("labels", labelArray)
			.update());
		this.jdbc.sql(FIND)
			.param("ciIds", ciArray)
			.param("metrics", metricArray)
			.param("labels", labelArray)
			.query((rs, n) -> {
				// labels compare as maps, whatever order jsonb keeps their keys in
				this.ids.put(new SeriesKey(rs.getString("ci_id"), rs.getString("metric"), labels(rs.getString("labels"))),
						rs.getInt("id"));
				return null;
			})
			.list();
	}

	/** A series as samples name it; labels compare as maps. */
	private record SeriesKey(String ciId, String metric, Map<String, String> labels) {
	}

}
