package io.nopesight.reporting;

import org.jspecify.annotations.Nullable;

/**
 * A simple period, as a client sent it: {@code frequency} {@code daily}, {@code weekly} (on
 * {@code dayOfWeek}, {@code monday} to {@code sunday}) or {@code monthly} (on {@code dayOfMonth}, 1 to 31: a
 * shorter month runs on its last day), at {@code time} ({@code HH:mm}) in the schedule's time zone.
 */
public record SchedulePeriod(@Nullable String frequency, @Nullable String time, @Nullable String dayOfWeek,
		@Nullable Integer dayOfMonth) {

}
