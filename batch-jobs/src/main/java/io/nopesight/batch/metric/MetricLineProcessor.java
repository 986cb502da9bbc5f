package io.nopesight.batch.metric;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.metric.CiResolver;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricSampleRules;
import io.nopesight.core.metric.MetricSettings;

/**
 * Turns a line into a sample of a known CI, or into the reason it is skipped. Comment and blank lines,
 * and the CSV header, are dropped without being counted.
 */
class MetricLineProcessor {

	private final MetricImportFormat format;

	private final CiResolver cis;

	private final MetricSampleRules rules;

	private final @Nullable String defaultCi;

	private final Instant receivedAt;

	MetricLineProcessor(MetricImportFormat format, CiResolver cis, MetricSettings settings,
			@Nullable String defaultCi, Instant receivedAt) {
		this.format = format;
		this.cis = cis;
		this.rules = new MetricSampleRules(settings, Instant.now());
		this.defaultCi = defaultCi;
		this.receivedAt = receivedAt;
	}

	@Nullable ImportRow process(SourceLine line) {
		try {
			ParsedSample parsed = parse(line);
			if (parsed == null) {
				return null;
			}
			String invalid = MetricSampleRules.fieldProblem(parsed.ci(), parsed.metric(), parsed.timestamp(),
					parsed.value(), parsed.labels());
			if (invalid != null) {
				return ImportRow.skipped(line.number(), invalid);
			}
			CiResolver.Match ci = parsed.ciIsInstance() ? this.cis.byInstance(parsed.ci())
					: this.cis.byReference(parsed.ci());
			if (!ci.found()) {
				return ImportRow.skipped(line.number(), ci.problem());
			}
			String problem = this.rules.windowProblem(parsed.timestamp(), parsed.value());
			if (problem != null) {
				return ImportRow.skipped(line.number(), problem);
			}
			return ImportRow.sample(line.number(),
					new MetricSample(ci.ciId(), parsed.metric(), parsed.labels(), parsed.timestamp(), parsed.value()));
		}
		catch (InvalidSampleException ex) {
			return ImportRow.skipped(line.number(), ex.getMessage());
		}
	}

	private @Nullable ParsedSample parse(SourceLine line) throws InvalidSampleException {
		if (this.format == MetricImportFormat.PROMETHEUS) {
			return PrometheusTextParser.parse(line.text(), this.defaultCi, this.receivedAt);
		}
		if (line.text().isBlank() || (line.number() == 1 && CsvSampleParser.isHeader(line.text()))) {
			return null;
		}
		return CsvSampleParser.parse(line.text());
	}

}
