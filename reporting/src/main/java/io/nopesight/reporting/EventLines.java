package io.nopesight.reporting;

import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import org.jfree.data.time.Day;
import org.jfree.data.time.Hour;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeTableXYDataset;
import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.renderers.Renderable;

import io.nopesight.reporting.JdbcEventReads.Bucket;
import io.nopesight.reporting.JdbcEventReads.CiTally;
import io.nopesight.reporting.JdbcEventReads.Tally;

/**
 * The events report's overview: its sentence, its tables' rows and its timeline, from the tallies read.
 */
final class EventLines {

	/** Most severe first, as the tables and the timeline's stack list them. */
	static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

	private static final Map<String, Color> COLORS = Map.of("critical", new Color(0xB2182B), "high",
			new Color(0xEF8A62), "medium", new Color(0xF2C14E), "low", new Color(0x67A9CF));

	private static final List<String> WORST = List.of("", "low", "medium", "high", "critical");

	private EventLines() {
	}

	static String scope(List<Tally> bySeverity, String period, String minimum, @Nullable String source) {
		long events = bySeverity.stream().mapToLong(Tally::events).sum();
		long occurrences = bySeverity.stream().mapToLong(Tally::occurrences).sum();
		return String.format(ReportFilling.LOCALE, "%,d event%s (%,d occurrences with repeats) of severity %s%s%s,"
				+ " created %s.", events, (events == 1) ? "" : "s", occurrences, minimum,
				minimum.equals("critical") ? "" : " or worse", (source != null) ? " from " + source : "", period);
	}

	static List<TallyRow> severities(List<Tally> bySeverity, long total) {
		List<TallyRow> rows = new ArrayList<>();
		for (String severity : SEVERITIES) {
			bySeverity.stream()
				.filter((t) -> t.key().equals(severity))
				.findFirst()
				.ifPresent((t) -> rows.add(TallyRow.of(t, total)));
		}
		return rows;
	}

	static List<TallyRow> tallies(List<Tally> tallies, long total) {
		return tallies.stream().map((t) -> TallyRow.of(t, total)).toList();
	}

	static List<CiRow> cis(List<CiTally> tallies) {
		return tallies.stream()
			.map((t) -> new CiRow(t.name(), t.type(), t.events(), t.occurrences(), WORST.get(t.worst())))
			.toList();
	}

	static Renderable timeline(List<Bucket> buckets, boolean hourly, ZoneId zone) {
		TimeZone timeZone = TimeZone.getTimeZone(zone);
		TimeTableXYDataset data = new TimeTableXYDataset(timeZone, Locale.UK);
		Map<Instant, Map<String, Long>> counts = new TreeMap<>();
		buckets.forEach((b) -> counts.computeIfAbsent(b.start(), (k) -> new HashMap<>()).merge(b.severity(),
				b.events(), Long::sum));
		// every series in every bucket (0 where none), in stacking order, so the stacks and colours line up
		for (String severity : SEVERITIES) {
			counts.forEach((start, bySeverity) -> data.add(period(start, hourly, timeZone),
					bySeverity.getOrDefault(severity, 0L), severity, false));
		}
		List<Color> colors = SEVERITIES.stream().map(COLORS::get).toList();
		return Charts.image(Charts.stackedOverTime(data, "events", colors, hourly, timeZone), 515, 200);
	}

	private static RegularTimePeriod period(Instant start, boolean hourly, TimeZone zone) {
		Date date = Date.from(start);
		return hourly ? new Hour(date, zone, Locale.UK) : new Day(date, zone, Locale.UK);
	}

	/** Events of a severity or a source: how many, how often reported, the third figure, their share. */
	record TallyRow(String key, long events, long occurrences, long third, double share) implements ReportRow {

		static TallyRow of(Tally tally, long total) {
			return new TallyRow(tally.key(), tally.events(), tally.occurrences(), tally.third(),
					(total == 0) ? 0 : (double) tally.events() / total);
		}

		@Override
		public @Nullable Object value(String field) {
			return switch (field) {
				case "key" -> this.key;
				case "events" -> this.events;
				case "occurrences" -> this.occurrences;
				case "third" -> this.third;
				default -> this.share;
			};
		}

	}

	/** A CI with many events. */
	record CiRow(String name, String type, long events, long occurrences, String worst) implements ReportRow {

		@Override
		public @Nullable Object value(String field) {
			return switch (field) {
				case "name" -> this.name;
				case "type" -> this.type;
				case "events" -> this.events;
				case "occurrences" -> this.occurrences;
				default -> this.worst;
			};
		}

	}

}
