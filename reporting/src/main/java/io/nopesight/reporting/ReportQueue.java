package io.nopesight.reporting;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.Ids;
import io.nopesight.core.work.WorkQueue;
import io.nopesight.reporting.ReportRequestCheck.CheckedReport;

/**
 * Puts a checked report in the queue: its row, a pending delivery per recipient and a work item, all in the
 * caller's transaction, so a report exists exactly when it is queued and survives a restart.
 */
@Component
class ReportQueue {

	static final String WORK_KIND = "report";

	private final JdbcReportRepository reports;

	private final JdbcDeliveryRepository deliveries;

	private final WorkQueue work;

	private final ReportingSettings settings;

	ReportQueue(JdbcReportRepository reports, JdbcDeliveryRepository deliveries, WorkQueue work,
			ReportingSettings settings) {
		this.reports = reports;
		this.deliveries = deliveries;
		this.work = work;
		this.settings = settings;
	}

	/**
	 * @param scheduleId the schedule the report comes from, if any
	 * @param scheduledFor when the schedule's run was due: the report is rendered as of then, not now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ReportAccepted enqueue(CheckedReport checked, String owner, boolean shared, Instant now,
			@Nullable String scheduleId, @Nullable Instant scheduledFor) {
		String id = Ids.next("rpt");
		Instant asOf = (scheduledFor != null) ? scheduledFor : now;
		Instant estimate = now.plus(estimate(checked.template().id()));
		ReportTemplate template = checked.template();
		this.reports.insert(new StoredReport(id, template.id(), template.name(), template.category(), checked.format(),
				checked.parameters(), checked.zone(), asOf, ReportStatus.GENERATING, owner, shared,
				checked.delivery().method(), checked.delivery().skipIfEmpty(), scheduleId, scheduledFor, now, estimate,
				null, null, null, null, null, null, null, null, null));
		this.deliveries.insert(id, checked.delivery().recipients());
		this.work.submit(WORK_KIND, id);
		return new ReportAccepted(id, ReportStatus.GENERATING, estimate);
	}

	// the template's typical render, once for each round of the reports queued before it on this node's workers
	private Duration estimate(String templateId) {
		Duration typical = this.reports.typicalDuration(templateId).orElse(this.settings.defaultEstimate());
		long rounds = 1 + this.reports.generating() / Math.max(1, this.settings.workers());
		return typical.multipliedBy(rounds);
	}

}
