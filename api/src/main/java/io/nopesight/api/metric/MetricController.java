package io.nopesight.api.metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Timestamps;
import io.nopesight.core.metric.CiResolver;
import io.nopesight.core.metric.CiResolvers;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricSampleRules;
import io.nopesight.core.metric.MetricSettings;
import io.nopesight.core.metric.MetricStore;

/**
 * Takes a JSON batch of samples. Samples naming an unknown CI or carrying a bad value are skipped and
 * reported by index; the rest are stored in one transaction.
 */
@Tag(name = "Metrics")
@RestController
class MetricController {

	static final int MAX_SAMPLES = 100_000;

	private static final int MAX_REPORTED = 100;

	private final MetricStore store;

	private final CiResolvers cis;

	private final MetricSettings settings;

	MetricController(MetricStore store, CiResolvers cis, MetricSettings settings) {
		this.store = store;
		this.cis = cis;
		this.settings = settings;
	}

	@PostMapping("/v1/metrics")
	@RequiredScope("events.write")
	WriteResponse write(@RequestBody MetricSamplesRequest request) {
		List<MetricSamplesRequest.@Nullable Sample> given = request.samples();
		if (given == null) {
			throw new InvalidInputException("samples", "is required: an array of {ci, metric, timestamp, value}");
		}
		if (given.size() > MAX_SAMPLES) {
			throw new InvalidInputException("samples",
					"At most " + MAX_SAMPLES + " samples per request; use POST /v1/metrics/import for files");
		}
		CiResolver resolver = this.cis.newResolver();
		MetricSampleRules rules = new MetricSampleRules(this.settings, Instant.now());
		List<MetricSample> samples = new ArrayList<>(given.size());
		List<Skipped> skipped = new ArrayList<>();
		int skippedCount = 0;
		for (int i = 0; i < given.size(); i++) {
			String problem = problem(given.get(i), resolver, rules, samples);
			if (problem != null) {
				skippedCount++;
				if (skipped.size() < MAX_REPORTED) {
					skipped.add(new Skipped(i, problem));
				}
			}
		}
		long written = this.store.write(samples);
		return new WriteResponse(given.size(), written, samples.size() - written, skippedCount, skipped);
	}

	private static @Nullable String problem(MetricSamplesRequest.@Nullable Sample sample, CiResolver resolver,
			MetricSampleRules rules, List<MetricSample> accepted) {
		if (sample == null) {
			return "sample is null";
		}
		Instant timestamp = Timestamps.parse(sample.timestamp()).orElse(null);
		String invalid = MetricSampleRules.fieldProblem(sample.ci(), sample.metric(), timestamp, sample.value(),
				sample.labels());
		if (invalid == null) {
			invalid = rules.windowProblem(timestamp, sample.value());
		}
		if (invalid != null) {
			return invalid;
		}
		CiResolver.Match ci = resolver.byReference(sample.ci());
		if (!ci.found()) {
			return ci.problem();
		}
		accepted.add(new MetricSample(ci.ciId(), sample.metric().strip(),
				(sample.labels() != null) ? sample.labels() : Map.of(), timestamp, sample.value()));
		return null;
	}

	record WriteResponse(int received, long written, long duplicates, int skipped, List<Skipped> skippedSamples) {
	}

	record Skipped(int index, String reason) {
	}

}
