package io.nopesight.analytics.agent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.nopesight.analytics.agent.EventAnalysis.IncidentFinding;
import io.nopesight.analytics.agent.EventAnalysis.NoiseCount;
import io.nopesight.analytics.agent.EventAnalysis.RootCause;
import io.nopesight.analytics.agent.TimeRanges.Window;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.correlation.Event;
import io.nopesight.correlation.EventQuery;
import io.nopesight.correlation.EventSort;
import io.nopesight.correlation.Events;
import io.nopesight.correlation.Incident;
import io.nopesight.correlation.IncidentQuery;
import io.nopesight.correlation.IncidentStatus;
import io.nopesight.correlation.Incidents;
import io.nopesight.correlation.RootCauseCandidate;

/**
 * The Event Analyst: answers from the correlation module. Incident questions get the open and acknowledged
 * incidents, worst first, each with the root cause the correlator ranked first; noise questions get the
 * sources and CIs that sent the most events over the window. A question may name a CI to narrow both.
 */
@Component
class EventAnalyst implements Advisor {

	static final String ID = "agent_event_analyst";

	static final List<String> EXAMPLES = List.of("What are the open incidents and their root causes?",
			"Which sources sent the most alerts last week?", "What is causing the incidents on PROD-DB-03?",
			"Which CIs are the noisiest over the last 3 days?");

	static final int MAX_INCIDENTS = 1_000;

	static final int MAX_DETAILS = 20;

	private static final int PAGE = 100;

	private final Incidents incidents;

	private final Events events;

	private final CmdbManagement cmdb;

	private final Clock clock;

	EventAnalyst(Incidents incidents, Events events, CmdbManagement cmdb, Clock clock) {
		this.incidents = incidents;
		this.events = events;
		this.cmdb = cmdb;
		this.clock = clock;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String name() {
		return "Event Analyst";
	}

	@Override
	public String type() {
		return "events";
	}

	@Override
	public List<String> capabilities() {
		return List.of("incident_triage", "root_cause_analysis", "noise_analysis");
	}

	@Override
	public Answer answer(AgentQuestion question) {
		Words words = Words.of(question.query());
		List<String> intents = new ArrayList<>();
		if (words.any(Vocabulary.INCIDENTS)) {
			intents.add("incidents");
		}
		if (words.any(Vocabulary.NOISE)) {
			intents.add("noise");
		}
		if (intents.isEmpty()) {
			throw new QuestionNotUnderstoodException(ID, "The Event Analyst reads incident questions (incident, root "
					+ "cause, outage, problem, failing) and noise questions (noisy, alerts, events, flapping); this "
					+ "question asks for neither", EXAMPLES);
		}
		Window window = TimeRanges.back(question.timeRange(), question.query());
		Instant to = (question.asOf() != null) ? question.asOf() : this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant from = to.minus(window.length());
		ConfigurationItem ci = namedCi(words);
		Understood understood = new Understood(intents, null, null, List.of(),
				(ci != null) ? List.of(ci.name()) : List.of(), window.label(), null);
		List<IncidentFinding> findings = new ArrayList<>();
		int open = 0;
		if (intents.contains("incidents")) {
			List<Incident> all = openIncidents((ci != null) ? ci.id() : null);
			open = all.size();
			all.stream().limit(MAX_DETAILS).map(EventAnalyst::finding).forEach(findings::add);
		}
		NoiseTally noise = intents.contains("noise") ? noise(from, to, (ci != null) ? ci.id() : null) : null;
		EventAnalysis analysis = EventAnswers.analysis(understood, findings, open, noise, from, to,
				window.label().startsWith("last_") ? window.label().replace('_', ' ') : "last " + window.label(),
				this.cmdb);
		return new Answer(analysis, intents, to, List.of());
	}

	private @Nullable ConfigurationItem namedCi(Words words) {
		for (String candidate : Vocabulary.ciNameCandidates(words)) {
			for (String name : new TreeSet<>(List.of(candidate, candidate.toUpperCase(Locale.ROOT)))) {
				List<ConfigurationItem> found = this.cmdb.findByName(name);
				if (!found.isEmpty()) {
					return found.get(0);
				}
			}
		}
		return null;
	}

	// worst severity first, then the most recent
	private List<Incident> openIncidents(@Nullable String ciId) {
		List<Incident> all = new ArrayList<>();
		for (IncidentStatus status : List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED)) {
			for (int page = 1; all.size() < MAX_INCIDENTS; page++) {
				Page<Incident> listed = this.incidents.list(new IncidentQuery(status, null, null, null, ciId, 1, page, PAGE));
				all.addAll(listed.items());
				if (listed.items().size() < PAGE) {
					break;
				}
			}
		}
		return all.stream()
			.sorted(Comparator.comparing((Incident i) -> i.severity()).reversed()
				.thenComparing(Incident::lastEventAt, Comparator.reverseOrder())
				.thenComparing(Incident::id))
			.toList();
	}

	private static IncidentFinding finding(Incident incident) {
		RootCauseCandidate top = incident.rootCause();
		return new IncidentFinding(incident.id(), incident.title(), incident.status().value(),
				incident.severity().value(), incident.startedAt(), incident.eventCount(), incident.affectedCis().size(),
				(top != null) ? new RootCause(top.ciId(), top.ciName(), top.ciType(), top.confidence(),
						top.explanation()) : null);
	}

	private NoiseTally noise(Instant from, Instant to, @Nullable String ciId) {
		NoiseTally tally = new NoiseTally();
		for (int page = 1; tally.events() < NoiseTally.MAX_EVENTS; page++) {
			Page<Event> listed = this.events.list(new EventQuery(null, null, null, ciId, from, to, null, null,
					EventSort.CREATED_AT, true, page, NoiseTally.PAGE));
			listed.items().forEach(tally::add);
			if (listed.items().size() < NoiseTally.PAGE) {
				break;
			}
		}
		return tally;
	}

}
