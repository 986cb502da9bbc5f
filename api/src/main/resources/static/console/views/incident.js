// One incident: its facts, the suggested root cause with its evidence and the other candidates, its events on a
// timeline (one row per CI) and as a table, what people did to it, and the corrections an operator makes:
// acknowledge, resolve, reopen, merge with another incident, move an event to another incident or to a new one.
import { api, query, session } from '../api.js';
import { badge, chart, disposeCharts, errorNotice, facts, field, fill, formatTime, formatValue, h, heading, loading,
  notice, nowrap, ready, table } from '../ui.js';
import { SEVERITY_RANK, percent } from './incidents.js';

// colour and shape per severity: the shape and the legend's words carry the meaning as well as the colour
const SEVERITY_STYLE = {
  critical: { color: '#b3161d', symbol: 'triangle', size: 17 },
  high: { color: '#d25f00', symbol: 'diamond', size: 16 },
  medium: { color: '#a68400', symbol: 'circle', size: 12 },
  low: { color: '#1f5fbf', symbol: 'rect', size: 10 },
};
const SEVERITIES = Object.keys(SEVERITY_STYLE);
// incidents offered as merge or move targets: those that started this close to this one come first
const NEAR = 2 * 24 * 3600 * 1000;

export async function render(container, params) {
  const id = params.id;
  const canWrite = session.has('events.write');
  // the outcome of the last action; kept across reloads, shown in the actions panel
  const result = h('div', { id: 'action-result', 'aria-live': 'polite', tabindex: '-1' });
  let shownOnce = false;

  const load = async () => {
    let incident;
    try {
      incident = await api('/v1/incidents/' + encodeURIComponent(id));
    } catch (error) {
      disposeCharts(container);
      fill(container, heading('Incident', id), errorNotice(error, 'events.read'),
        h('p', {}, h('a', { href: '#/incidents' }, 'Back to the incidents')));
      ready('incident');
      return;
    }
    disposeCharts(container);
    const actions = actionsPanel(incident, canWrite, result, load);
    fill(container,
      heading(incident.title || id, subtitle(incident)),
      h('p', {}, h('a', { href: '#/incidents' }, '‹ All incidents')),
      incident.status === 'merged' ? notice('info', 'This incident was merged into ', incident.merged_into
        ? h('a', { href: '#/incidents/' + encodeURIComponent(incident.merged_into), 'data-test': 'merged-into' },
          incident.merged_into) : 'another incident', '; its events are there now.') : null,
      h('div', { class: 'columns' },
        h('div', {}, rootCausePanel(incident), timelinePanel(incident)),
        h('div', {}, factsPanel(incident), actions.panel)),
      eventsPanel(incident),
      historyPanel(incident));
    // the merge and move targets come before ready, so the actions are usable once it is set
    await actions.loadTargets();
    if (!shownOnce) {
      shownOnce = true;
      ready('incident');
    }
  };

  fill(container, heading('Incident', id), loading('Loading the incident…'));
  await load();
}

// charts of a view that is redrawn let go of their canvases and listeners (app.js does it on navigation)
function subtitle(incident) {
  const events = incident.events ? incident.events.length : incident.event_count;
  const cis = (incident.affected_cis || []).length;
  return `${incident.id} · ${incident.severity} · ${incident.status} · ${events} event${events === 1 ? '' : 's'}`
    + ` on ${cis} CI${cis === 1 ? '' : 's'} · started ${formatTime(incident.started_at)}`;
}

function ciLink(ci) {
  return h('a', { href: '#/ci/' + encodeURIComponent(ci.id || ci.ci_id) }, ci.name || ci.ci_name || ci.id || ci.ci_id);
}

function minWidth(element, width) {
  element.style.display = 'inline-block';
  element.style.minWidth = width;
  return element;
}

function incidentLink(incident) {
  return h('a', { href: '#/incidents/' + encodeURIComponent(incident.id) }, incident.title || incident.id);
}

function minutesBetween(from, to) {
  const minutes = (new Date(to) - new Date(from)) / 60000;
  if (!isFinite(minutes)) {
    return '';
  }
  if (minutes < 120) {
    return `${Math.round(minutes)} min`;
  }
  return minutes < 2880 ? `${(minutes / 60).toFixed(1)} h` : `${(minutes / 1440).toFixed(1)} days`;
}

function factsPanel(incident) {
  const cis = incident.affected_cis || [];
  return h('section', { class: 'panel', id: 'incident-facts', 'aria-labelledby': 'incident-facts-title' },
    h('h2', { id: 'incident-facts-title' }, 'Facts'),
    facts([
      ['Status', badge(incident.status)],
      ['Severity', badge(incident.severity)],
      ['Started', formatTime(incident.started_at)],
      ['Last event', [formatTime(incident.last_event_at), ` (${minutesBetween(incident.started_at, incident.last_event_at)} after the start)`]],
      ['Events', String(incident.events ? incident.events.length : incident.event_count)],
      ['Affected CIs', cis.length ? cis.map((ci, i) => [i ? ', ' : '', ciLink(ci)]) : 'none'],
      ['Merged into', incident.merged_into ? h('a', { href: '#/incidents/' + encodeURIComponent(incident.merged_into) },
        incident.merged_into) : null],
      ['Grouping', incident.manually_grouped ? 'corrected by a person' : 'as the correlator placed it'],
      ['Acknowledged', incident.acknowledged_at
        ? `${formatTime(incident.acknowledged_at)}${incident.acknowledged_by ? ' by ' + incident.acknowledged_by : ''}` : null],
      ['Resolved', incident.resolved_at
        ? `${formatTime(incident.resolved_at)}${incident.resolved_by ? ' by ' + incident.resolved_by : ''}` : null],
      ['Recorded', formatTime(incident.created_at)],
      ['ID', incident.id],
    ]));
}

function rootCausePanel(incident) {
  const candidates = incident.root_cause_candidates || [];
  const top = candidates[0] || (incident.root_cause ? { ...incident.root_cause, evidence: null } : null);
  const panel = h('section', { class: 'panel', id: 'root-cause', 'data-test': 'root-cause',
    'aria-labelledby': 'root-cause-title' }, h('h2', { id: 'root-cause-title' }, 'Suggested root cause'));
  if (!top) {
    panel.append(notice('info', 'No CI stands out as the cause: none of the alerting CIs, nor anything upstream of '
      + 'half of its events, is known to the CMDB.'));
    return panel;
  }
  panel.append(
    h('p', { class: 'root-cause-ci' }, h('strong', {}, ciLink(top)), top.ci_type ? ` (${top.ci_type})` : '',
      ` · ${percent(top.confidence)} of the belief`),
    h('p', {}, top.explanation),
    top.evidence ? evidence(top.evidence) : null);
  if (candidates.length > 1) {
    panel.append(h('h3', {}, 'Other candidates'), table([
      { key: 'ci_name', label: 'CI', render: (row) => nowrap(ciLink(row)) },
      { key: 'ci_type', label: 'Type' },
      { key: 'confidence', label: 'Belief', numeric: true, render: (row) => percent(row.confidence) },
      { key: 'reaches', label: 'Reaches', numeric: true, value: (row) => row.evidence?.reaches_alerting_cis,
        render: (row) => (row.evidence ? `${row.evidence.reaches_alerting_cis} of ${row.evidence.alerting_cis}` : '') },
      { key: 'first', label: 'First alerted', value: (row) => row.evidence?.first_alert_at,
        render: (row) => (row.evidence?.first_alert_at ? `+${minutes(row.evidence.minutes_after_start)} min` : 'did not alert') },
      candidates.some((row) => row.evidence?.metric_moved_first) ? { key: 'metric', label: 'Metric moved first',
        value: (row) => row.evidence?.metric_moved_first?.at, render: (row) => movedText(row.evidence?.metric_moved_first) } : null,
      { key: 'path', label: 'Path', value: (row) => (row.evidence?.topology_path || []).join(' → '),
        render: (row) => minWidth(h('span', {}, (row.evidence?.topology_path || []).join(' → ')), '14em') },
    ].filter(Boolean), candidates.slice(1), { caption: 'The other CIs that may have caused it, by share of belief' }));
  }
  return panel;
}

function minutes(value) {
  return value === null || value === undefined ? '?' : (Math.round(value * 10) / 10).toLocaleString('en');
}

function movedText(moved) {
  return moved ? `${moved.metric} at ${formatTime(moved.at)}: usually ${formatValue(moved.usual)}, `
    + `reached ${formatValue(moved.reached)}` : '';
}

function evidence(found) {
  const moved = found.metric_moved_first;
  return facts([
    ['Reaches', `${found.reaches_alerting_cis} of the ${found.alerting_cis} alerting CI${found.alerting_cis === 1 ? '' : 's'}`],
    ['Failure path', (found.topology_path || []).length ? found.topology_path.join(' → ') : null],
    ['First alerted', found.first_alert_at
      ? `${formatTime(found.first_alert_at)} (${minutes(found.minutes_after_start)} min after the first alert)`
      : 'did not alert itself'],
    ['Worst severity', found.severity ? badge(found.severity) : null],
    ['Metric moved first', moved ? movedText(moved) : null],
  ]);
}

function rowName(event) {
  const cis = event.affected_cis || [];
  return cis.length ? cis.map((ci) => ci.name || ci.id) : [`(no CI) ${event.source}`];
}

function timelinePanel(incident) {
  const events = [...(incident.events || [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  const panel = h('section', { class: 'panel', id: 'incident-timeline', 'aria-labelledby': 'incident-timeline-title' },
    h('h2', { id: 'incident-timeline-title' }, 'Timeline'));
  if (!events.length) {
    panel.append(notice('info', 'This incident holds no events (they were moved or merged elsewhere).'));
    return panel;
  }
  const rows = [];
  events.forEach((event) => rowName(event).forEach((name) => {
    if (!rows.includes(name)) {
      rows.push(name);
    }
  }));
  const series = SEVERITIES.filter((severity) => events.some((e) => e.severity === severity)).map((severity) => ({
    name: severity,
    type: 'scatter',
    symbol: SEVERITY_STYLE[severity].symbol,
    symbolSize: SEVERITY_STYLE[severity].size,
    itemStyle: { color: SEVERITY_STYLE[severity].color, opacity: 0.9 },
    data: events.flatMap((event, index) => (event.severity !== severity ? []
      : rowName(event).map((name) => ({ value: [event.created_at, name], index })))),
  }));
  const first = new Date(events[0].created_at).getTime();
  const last = new Date(events[events.length - 1].created_at).getTime();
  const pad = Math.max((last - first) * 0.04, 60_000);
  const option = {
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
    tooltip: { trigger: 'item', formatter: (point) => tooltip(events[point.data.index]) },
    xAxis: { type: 'time', min: first - pad, max: last + pad, splitLine: { show: true, lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: rows, inverse: true,
      axisLabel: { width: 130, overflow: 'truncate' }, splitLine: { show: true, lineStyle: { color: '#eef0f3' } } },
    series,
  };
  const height = Math.min(900, Math.max(200, rows.length * 30 + 80));
  panel.append(
    chart(`Timeline of the incident's ${events.length} events from ${formatTime(events[0].created_at)} to `
      + `${formatTime(events[events.length - 1].created_at)}, one row per CI (${rows.length}), marked by severity; `
      + 'the same events are listed in the Events table.', option, { height }),
    h('p', { class: 'sub' }, 'One row per CI, in the order they first alerted. Shapes: ▲ critical, ◆ high, ● medium, ■ low.'));
  return panel;
}

// a tooltip built as elements: event titles come from monitoring tools and must stay text
function tooltip(event) {
  if (!event) {
    return '';
  }
  return h('div', {}, h('strong', {}, event.title), h('br'),
    `${event.severity} · ${event.status} · ${event.source}`, h('br'),
    formatTime(event.created_at), h('br'), rowName(event).join(', '));
}

function eventsPanel(incident) {
  const events = incident.events || [];
  return h('section', { id: 'incident-events', 'aria-labelledby': 'incident-events-title' },
    h('h2', { id: 'incident-events-title' }, 'Events'),
    table([
      { key: 'created_at', label: 'Time', render: (row) => formatTime(row.created_at) },
      { key: 'severity', label: 'Severity', value: (row) => SEVERITY_RANK[row.severity] ?? 9, render: (row) => badge(row.severity) },
      { key: 'title', label: 'Event' },
      { key: 'cis', label: 'CIs', value: (row) => rowName(row).join(', '),
        render: (row) => ((row.affected_cis || []).length ? row.affected_cis.map((ci, i) => [i ? ', ' : '', ciLink(ci)]) : '') },
      { key: 'source', label: 'Source' },
      { key: 'status', label: 'Status', render: (row) => badge(row.status) },
      { key: 'count', label: 'Count', numeric: true },
      { key: 'id', label: 'ID' },
    ], events, { caption: `The incident's events (${events.length})`, empty: 'No events.' }));
}

function historyPanel(incident) {
  const activities = (incident.timeline || []).filter((entry) => entry.kind !== 'event');
  return h('section', { id: 'incident-history', 'aria-labelledby': 'incident-history-title' },
    h('h2', { id: 'incident-history-title' }, 'History'),
    activities.length
      ? h('div', { class: 'panel' }, h('ul', { class: 'plain' }, activities.map((entry) => h('li', {},
        h('span', { class: 'sub' }, formatTime(entry.at)), ' ', entry.summary, entry.actor ? ` (by ${entry.actor})` : ''))))
      : h('p', { class: 'sub' }, 'No one has acknowledged, resolved, merged or regrouped this incident.'));
}

function option(value, label, extra = {}) {
  return h('option', { value, ...extra }, label);
}

function actionsPanel(incident, canWrite, result, reload) {
  const merged = incident.status === 'merged';
  const resolved = incident.status === 'resolved';
  const locked = !canWrite || merged;
  const controls = [];
  let targets = [];
  const control = (element) => {
    controls.push(element);
    element.disabled = element.disabled || locked;
    return element;
  };

  const act = async (doing, call, done) => {
    controls.forEach((element) => { element.disabled = true; });
    fill(result, loading(doing + '…'));
    try {
      const answer = await call();
      fill(result, notice('info', done(answer)));
      await reload();
    } catch (error) {
      fill(result, errorNotice(error, 'events.write'));
      controls.forEach((element) => { element.disabled = element.dataset.off === 'true' || locked; });
    }
    result.focus({ preventScroll: false });
  };
  const path = '/v1/incidents/' + encodeURIComponent(incident.id);

  // status
  const comment = control(h('input', { id: 'status-comment', type: 'text', maxlength: 500, autocomplete: 'off' }));
  const statusButton = (label, to, allowed, test) => {
    const button = control(h('button', { type: 'button', 'data-test': test, 'data-off': String(!allowed),
      disabled: !allowed, class: to === 'open' ? 'secondary' : null, onclick: () => act(`Setting the status to ${to}`,
        () => api(path, { method: 'PATCH', body: { status: to, comment: comment.value.trim() || undefined } }),
        (answer) => [`The incident is now ${answer.status}`, to === 'open' ? '.' : '; its events went with it.']) }, label));
    return button;
  };
  const statusButtons = [
    statusButton('Acknowledge', 'acknowledged', incident.status === 'open', 'acknowledge'),
    statusButton('Resolve', 'resolved', incident.status === 'open' || incident.status === 'acknowledged', 'resolve'),
    incident.status === 'acknowledged' ? statusButton('Reopen', 'open', true, 'reopen') : null,
  ];

  // merge
  const mergeTarget = control(h('select', { id: 'merge-target', 'data-off': 'true', disabled: true },
    option('', 'Loading open incidents…')));
  const mergeDirection = control(h('select', { id: 'merge-direction' },
    option('into-this', 'Its events move into this incident', { disabled: resolved }),
    option('into-other', 'This incident’s events move into it', { selected: resolved })));
  const mergeButton = control(h('button', { type: 'button', 'data-test': 'merge', 'data-off': 'true', disabled: true,
    onclick: () => {
      const other = mergeTarget.value;
      if (!other) {
        return;
      }
      const intoThis = mergeDirection.value === 'into-this';
      const chosen = targets.find((t) => t.id === other);
      const label = chosen ? `${chosen.title} (${chosen.id})` : other;
      act('Merging', () => api('/v1/incidents/' + encodeURIComponent(intoThis ? incident.id : other) + '/merge',
        { method: 'POST', body: { incident_ids: [intoThis ? other : incident.id] } }),
      (answer) => (intoThis ? `Merged “${label}” into this incident: its events are here now.`
        : ['This incident was merged into ', incidentLink(answer), '.']));
    } }, 'Merge'));

  // move an event
  const events = [...(incident.events || [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  const moveEvent = control(h('select', { id: 'move-event', 'data-off': String(!events.length), disabled: !events.length },
    events.map((event) => option(event.id, `${formatTime(event.created_at)} · ${event.severity} · ${event.title}`))));
  const moveTarget = control(h('select', { id: 'move-target' }, option('', 'A new incident of its own')));
  const moveButton = control(h('button', { type: 'button', 'data-test': 'move-event', 'data-off': String(!events.length),
    disabled: !events.length, onclick: () => {
      const eventId = moveEvent.value;
      const target = moveTarget.value;
      if (!eventId) {
        return;
      }
      act('Moving the event', () => (target
        ? api('/v1/incidents/' + encodeURIComponent(target) + '/events', { method: 'POST', body: { event_id: eventId } })
        : api('/v1/events/' + encodeURIComponent(eventId) + '/incident', { method: 'POST', body: { incident_id: null } })),
      (answer) => [`Event ${eventId} moved ${target ? 'to' : 'out to a new incident,'} `, incidentLink(answer),
        events.length === 1 ? '. It was the last one here, so this incident now points there.' : '.']);
    } }, 'Move event'));

  const notes = [];
  if (!canWrite) {
    const note = notice('warning', 'Changing an incident needs the scope events.write, which your token does not '
      + 'hold: the actions below are disabled.');
    note.dataset.test = 'actions-disabled';
    notes.push(note);
  }
  if (merged) {
    notes.push(notice('info', 'This incident was merged into ', incident.merged_into
      ? h('a', { href: '#/incidents/' + encodeURIComponent(incident.merged_into) }, incident.merged_into) : 'another',
    ': act on that one.'));
  } else if (resolved) {
    notes.push(h('p', { class: 'sub' }, 'Resolved is final: a recurrence starts a new incident. Its events can still be '
      + 'regrouped.'));
  }

  const panel = h('section', { class: 'panel', id: 'incident-actions', 'aria-labelledby': 'incident-actions-title' },
    h('h2', { id: 'incident-actions-title' }, 'Actions'), result, notes,
    h('h3', {}, 'Status'),
    field('Comment (optional)', comment, 'Kept in the history of the incident and of its events'),
    h('div', { class: 'actions' }, statusButtons),
    h('h3', {}, 'Merge with another incident'),
    field('Other open incident', mergeTarget, 'Open and acknowledged incidents, those that started nearest this one first'),
    field('Which way', mergeDirection),
    h('div', { class: 'actions' }, mergeButton),
    h('h3', {}, 'Move an event'),
    field('Event', moveEvent),
    field('To', moveTarget, 'A moved event stays where you put it; the correlator learns from the correction'),
    h('div', { class: 'actions' }, moveButton));
  [mergeTarget, mergeDirection, moveEvent, moveTarget].forEach((select) => { select.style.width = '100%'; });

  const loadTargets = async () => {
    if (merged) {
      fill(mergeTarget, option('', '—'));
      return;
    }
    try {
      targets = await openIncidentsNear(incident);
    } catch (error) {
      fill(mergeTarget, option('', 'Could not load the open incidents'));
      return;
    }
    const options = () => targets.map((other) => option(other.id,
      `${other.title} · ${other.severity} · started ${formatTime(other.started_at)} (${other.id})`));
    const none = !targets.length;
    fill(mergeTarget, none ? option('', 'No other open incident') : options());
    mergeTarget.dataset.off = String(none);
    mergeButton.dataset.off = String(none);
    mergeTarget.disabled = none || locked;
    mergeButton.disabled = none || locked;
    fill(moveTarget, option('', 'A new incident of its own'), options());
  };
  return { panel, loadTargets };
}

/** Open and acknowledged incidents other than this one, those that started nearest it first. */
async function openIncidentsNear(incident) {
  const start = new Date(incident.started_at).getTime();
  const read = async (window) => {
    const bounds = window ? { from: new Date(start - NEAR).toISOString(), to: new Date(start + NEAR).toISOString() } : {};
    const answers = await Promise.all(['open', 'acknowledged'].map((status) =>
      api('/v1/incidents' + query({ status, ...bounds, limit: 100 }))));
    return answers.flatMap((answer) => answer.data).filter((other) => other.id !== incident.id);
  };
  let found = await read(true);
  if (!found.length) {
    found = await read(false);
  }
  const distance = (other) => Math.abs(new Date(other.started_at).getTime() - start);
  return found.sort((a, b) => distance(a) - distance(b));
}
