package io.nopesight.reporting;

import io.nopesight.core.Page;

/**
 * Reports on a schedule, run in the wall-clock time of the schedule's time zone: a time the clocks skip runs
 * just after they move, shifted by the gap (02:30 on the spring-forward night runs at 03:30), and a time they
 * repeat runs once, the first time. A run missed while no node was up runs once when one is, not once per
 * missed time. Each run queues a report as {@link Reports#generate} does, in the schedule owner's name.
 */
public interface ReportSchedules {

	/**
	 * @throws io.nopesight.core.InvalidInputException naming each field that is wrong; nothing is stored
	 */
	ScheduleView create(ScheduleRequest request, String owner);

	/**
	 * @throws io.nopesight.core.NotFoundException when there is no such schedule or it is not the viewer's
	 */
	ScheduleView get(String scheduleId, ReportViewer viewer);

	Page<ScheduleView> list(ScheduleQuery query);

	/**
	 * Replaces the schedule's definition; its next run is worked out again from now.
	 */
	ScheduleView update(String scheduleId, ScheduleRequest request, ReportViewer viewer);

	/**
	 * Removes the schedule; the reports it produced stay until they expire.
	 */
	void delete(String scheduleId, ReportViewer viewer);

	/**
	 * Queues a report from the schedule now, leaving its next run where it is.
	 */
	ReportAccepted runNow(String scheduleId, ReportViewer viewer);

}
