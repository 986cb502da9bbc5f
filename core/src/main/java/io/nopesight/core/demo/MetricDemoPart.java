package io.nopesight.core.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.nopesight.core.Timestamps;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricStore;

/**
 * The demo estate's 30 days of hourly CPU, memory and disk usage per server: office-hours cycles, busy
 * database servers, servers whose disks or memory grow, noisy ones.
 */
@Component
class MetricDemoPart implements DemoEstatePart {

	private static final String FILE = "demo/core/metrics.csv.gz";

	private static final int CHUNK = 50_000;

	private final MetricStore metrics;

	MetricDemoPart(MetricStore metrics) {
		this.metrics = metrics;
	}

	@Override
	public int getOrder() {
		return METRICS;
	}

	@Override
	public String load(DemoEstate estate) {
		long written = 0;
		List<MetricSample> chunk = new ArrayList<>(CHUNK);
		try (BufferedReader in = DemoEstate.reader(FILE)) {
			in.readLine();
			String line;
			while ((line = in.readLine()) != null) {
				chunk.add(sample(line, estate));
				if (chunk.size() == CHUNK) {
					written += this.metrics.write(chunk);
					chunk.clear();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		written += this.metrics.write(chunk);
		return written + " metric samples";
	}

	// ci,metric,timestamp,value as the demo file has them: no quotes, no commas in names
	private static MetricSample sample(String line, DemoEstate estate) {
		String[] columns = line.split(",", 4);
		Instant recorded = Timestamps.parse(columns[2])
			.orElseThrow(() -> new IllegalStateException("Bad time in " + FILE + ": " + line));
		return new MetricSample(estate.ciId(columns[0]), columns[1], estate.shifted(recorded),
				Double.parseDouble(columns[3]));
	}

}
