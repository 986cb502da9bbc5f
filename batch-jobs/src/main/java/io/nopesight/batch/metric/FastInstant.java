package io.nopesight.batch.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 instants, with a fast path for the common {@code yyyy-MM-ddTHH:mm:ss[.fff]Z} shape:
 * {@link Instant#parse} is the largest cost of a CSV line otherwise.
 */
final class FastInstant {

	private FastInstant() {
	}

	static Instant parse(String text) {
		int n = text.length();
		if (n >= 20 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
				&& text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 7);
			int day = digits(text, 8, 10);
			int hour = digits(text, 11, 13);
			int minute = digits(text, 14, 16);
			int second = digits(text, 17, 19);
			int nanos = 0;
			if (n > 20) {
				if (text.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
					throw new DateTimeParseException("Invalid fraction", text, 19);
				}
				nanos = digits(text, 20, n - 1);
				for (int i = n - 21; i < 9; i++) {
					nanos *= 10;
				}
			}
			if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
					|| hour > 23 || minute > 59 || second > 59) {
				throw new DateTimeParseException("Invalid date or time", text, 0);
			}
			long days = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
		}
		return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new DateTimeParseException("Invalid digit", text, i);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
