package io.nopesight.api.metric;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xerial.snappy.Snappy;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.metric.CiResolver;
import io.nopesight.core.metric.CiResolvers;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricSampleRules;
import io.nopesight.core.metric.MetricSettings;
import io.nopesight.core.metric.MetricStore;

/**
 * Prometheus remote-write receiver: snappy-compressed protobuf {@code WriteRequest}s. Each series goes to
 * the CI its {@code instance} label names (IP or host name, port stripped); the metric is
 * {@code __name__}, the other labels except {@code instance} stay on the series. Series of unknown hosts
 * and staleness markers (NaN) are dropped; the answer is 204 either way, since Prometheus retries only
 * 5xx and a retry would not find the host either. A body that is not a WriteRequest gets 400.
 */
@Tag(name = "Metrics")
@RestController
class PrometheusRemoteWriteController {

	private static final Logger logger = LoggerFactory.getLogger(PrometheusRemoteWriteController.class);

	private static final Duration RESOLVER_LIFETIME = Duration.ofMinutes(1);

	private final MetricStore store;

	private final CiResolvers cis;

	private final MetricSettings settings;

	private final AtomicReference<TimedResolver> resolver = new AtomicReference<>();

	PrometheusRemoteWriteController(MetricStore store, CiResolvers cis, MetricSettings settings) {
		this.store = store;
		this.cis = cis;
		this.settings = settings;
	}

	@PostMapping("/v1/metrics/prometheus/write")
	@RequiredScope("events.write")
	ResponseEntity<Void> write(HttpServletRequest request) throws IOException {
		byte[] body = request.getInputStream().readAllBytes();
		RemoteWriteRequest write;
		try {
			write = RemoteWriteRequest.parse(Snappy.isValidCompressedBuffer(body) ? Snappy.uncompress(body) : body);
		}
		catch (IOException ex) {
			throw new InvalidInputException("body", "Not a snappy-compressed remote-write WriteRequest: " + ex.getMessage());
		}
		CiResolver ciResolver = resolver();
		MetricSampleRules rules = new MetricSampleRules(this.settings, Instant.now());
		List<MetricSample> samples = new ArrayList<>();
		int unknown = 0;
		for (RemoteWriteRequest.Series series : write.series()) {
			Map<String, String> labels = new TreeMap<>(series.labels());
			String metric = labels.remove("__name__");
			String instance = labels.remove("instance");
			CiResolver.Match ci = (instance != null) ? ciResolver.byInstance(instance) : null;
			if (MetricSampleRules.metricProblem(metric) != null || ci == null || !ci.found()) {
				unknown++;
				continue;
			}
			for (RemoteWriteRequest.Sample sample : series.samples()) {
				Instant timestamp = Instant.ofEpochMilli(sample.timestampMs());
				if (rules.windowProblem(timestamp, sample.value()) == null) {
					samples.add(new MetricSample(ci.ciId(), metric, labels, timestamp, sample.value()));
				}
			}
		}
		this.store.write(samples);
		if (unknown > 0) {
			logger.debug("Remote write: dropped {} of {} series with no matching CI", unknown, write.series().size());
		}
		return ResponseEntity.noContent().build();
	}

	private CiResolver resolver() {
		TimedResolver current = this.resolver.get();
		if (current == null || current.created().plus(RESOLVER_LIFETIME).isBefore(Instant.now())) {
			current = new TimedResolver(this.cis.newResolver(), Instant.now());
			this.resolver.set(current);
		}
		return current.resolver();
	}

	private record TimedResolver(CiResolver resolver, Instant created) {
	}

}
