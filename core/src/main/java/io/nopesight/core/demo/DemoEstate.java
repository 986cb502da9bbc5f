package io.nopesight.core.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo estate as the parts load it: recorded over the 30 days up to {@link #RECORDED_UNTIL} and moved
 * forward by whole days so that it ends at the start of today (UTC), so a newcomer's "last week" is full;
 * and the ids of the CIs loaded so far, by name, for the parts that refer to them.
 */
public final class DemoEstate {

	/**
	 * When the demo data, as kept in the modules' {@code demo/} resources, was recorded up to.
	 */
	public static final Instant RECORDED_UNTIL = LocalDate.of(2026, 11, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Duration shift;

	private final Map<String, String> ciIds = new ConcurrentHashMap<>();

	DemoEstate(Duration shift) {
		this.shift = shift;
	}

	/**
	 * The estate moved to end at the start of the day of {@code now} (never moved back).
	 */
	static DemoEstate endingOn(Instant now) {
		long days = ChronoUnit.DAYS.between(RECORDED_UNTIL, now.truncatedTo(ChronoUnit.DAYS));
		return new DemoEstate(Duration.ofDays(Math.max(0, days)));
	}

	public Duration shift() {
		return this.shift;
	}

	public Instant shifted(Instant recorded) {
		return recorded.plus(this.shift);
	}

	public void remember(String ciName, String ciId) {
		this.ciIds.put(ciName, ciId);
	}

	/**
	 * The id of a CI an earlier part loaded.
	 * @throws IllegalArgumentException when no part loaded a CI of that name
	 */
	public String ciId(String ciName) {
		String id = this.ciIds.get(ciName);
		if (id == null) {
			throw new IllegalArgumentException("The demo estate has no CI named '" + ciName + "'");
		}
		return id;
	}

	public Map<String, String> ciIds() {
		return Collections.unmodifiableMap(this.ciIds);
	}

	/**
	 * The records of a JSON Lines resource of the demo estate, such as {@code demo/core/cis.jsonl}.
	 */
	public static List<JsonNode> jsonLines(String resource) {
		List<JsonNode> records = new ArrayList<>();
		try (BufferedReader in = reader(resource)) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank()) {
					records.add(JSON.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

	/**
	 * A text resource of the demo estate, gunzipped when its name ends in {@code .gz}.
	 */
	public static BufferedReader reader(String resource) throws IOException {
		InputStream in = DemoEstate.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IOException("The demo estate resource " + resource + " is missing");
		}
		if (resource.endsWith(".gz")) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}

}
