// Incidents: the open (and acknowledged) incidents by default, or resolved, merged or all of them, as a sortable
// table with the likely root cause of each; a link per incident to #/incidents/{id}.
import { api, query } from '../api.js';
import { badge, errorNotice, field, fill, formatTime, h, heading, loading, notice, ready, select, table } from '../ui.js';

const PAGE = 100;
// "Open or acknowledged" needs two lists; each is read whole up to this many pages of 100
const MAX_PAGES = 10;

/** Severity as a number that sorts the worst first. Shared with incident.js. */
export const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };

/** "20.3 %" for a share of belief of 0.203. Shared with incident.js. */
export function percent(share) {
  if (share === null || share === undefined) {
    return '';
  }
  return share > 0 && share < 0.001 ? 'under 0.1\u00a0%' : (Math.round(share * 1000) / 10).toLocaleString('en') + '\u00a0%';
}

const STATUSES = [
  ['active', 'Open or acknowledged'],
  ['open', 'Open'],
  ['acknowledged', 'Acknowledged'],
  ['resolved', 'Resolved'],
  ['merged', 'Merged into another'],
  ['all', 'All (not merged)'],
];

// kept while the tab lives, so coming back from an incident shows the same list
const state = { status: 'active', severity: '', minEvents: '1', page: 1 };

export async function render(container) {
  const status = select('incident-status', STATUSES, state.status);
  const severity = select('incident-severity', [['', 'Any'], ['critical', 'Critical'], ['high', 'High'],
    ['medium', 'Medium'], ['low', 'Low']], state.severity);
  const minEvents = select('incident-min-events', [['1', 'All incidents'], ['2', 'Two events or more (no single alerts)'],
    ['5', 'Five events or more']], state.minEvents);
  const results = h('div', { id: 'incidents-results', 'aria-live': 'polite' });

  const load = async () => {
    fill(results, loading('Loading incidents…'));
    try {
      const found = await fetchIncidents();
      fill(results, show(found, load));
    } catch (error) {
      fill(results, errorNotice(error, 'events.read'));
    }
    ready('incidents');
  };

  const form = h('form', { class: 'panel', id: 'incident-filters', onsubmit: (event) => {
    event.preventDefault();
    state.status = status.value;
    state.severity = severity.value;
    state.minEvents = minEvents.value;
    state.page = 1;
    load();
  } },
  h('div', { class: 'row' },
    field('Status', status), field('Severity', severity), field('Size', minEvents),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'incident-filter-apply' }, 'Show'))));
  // a choice in a select shows its list at once; the button is there for keyboard users who expect one
  [status, severity, minEvents].forEach((control) => control.addEventListener('change', () => form.requestSubmit()));

  fill(container, heading('Incidents', 'Alerts grouped into incidents as they arrive, with the CI that most likely '
    + 'caused each.'), form, results);
  await load();
}

async function fetchIncidents() {
  const filters = { severity: state.severity, min_events: state.minEvents === '1' ? '' : state.minEvents };
  if (state.status === 'active') {
    const [open, acknowledged] = await Promise.all([readAll({ ...filters, status: 'open' }),
      readAll({ ...filters, status: 'acknowledged' })]);
    const rows = open.rows.concat(acknowledged.rows)
      .sort((a, b) => String(b.started_at).localeCompare(String(a.started_at)));
    return { rows, total: open.total + acknowledged.total, paged: false };
  }
  const answer = await api('/v1/incidents' + query({ ...filters, status: state.status === 'all' ? '' : state.status,
    page: state.page, limit: PAGE }));
  return { rows: answer.data, total: answer.pagination.total, pages: answer.pagination.pages,
    page: answer.pagination.page, paged: true };
}

async function readAll(params) {
  const rows = [];
  let total = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await api('/v1/incidents' + query({ ...params, page, limit: PAGE }));
    rows.push(...answer.data);
    total = answer.pagination.total;
    if (page >= answer.pagination.pages) {
      break;
    }
  }
  return { rows, total };
}

function show(found, reload) {
  const label = STATUSES.find(([v]) => v === state.status)[1].toLowerCase();
  const columns = [
    { key: 'title', label: 'Incident', render: (row) => h('a', { href: '#/incidents/' + encodeURIComponent(row.id),
      'data-test': 'incident-link', 'data-id': row.id }, row.title || row.id) },
    { key: 'severity', label: 'Severity', value: (row) => SEVERITY_RANK[row.severity] ?? 9,
      render: (row) => badge(row.severity) },
    { key: 'status', label: 'Status', render: (row) => badge(row.status) },
    { key: 'cis', label: 'CIs', numeric: true, value: (row) => (row.affected_cis || []).length,
      render: (row) => String((row.affected_cis || []).length) },
    { key: 'event_count', label: 'Events', numeric: true },
    { key: 'root_cause', label: 'Root cause candidate', value: (row) => (row.root_cause ? row.root_cause.ci_name : null),
      render: (row) => (row.root_cause
        ? [h('a', { href: '#/ci/' + encodeURIComponent(row.root_cause.ci_id) }, row.root_cause.ci_name),
          ' ', h('span', { class: 'sub' }, `(${percent(row.root_cause.confidence)})`)]
        : h('span', { class: 'sub' }, 'none')) },
    { key: 'started_at', label: 'Opened', render: (row) => formatTime(row.started_at) },
  ];
  const severities = {};
  found.rows.forEach((row) => { severities[row.severity] = (severities[row.severity] || 0) + 1; });
  const summary = found.paged
    ? `${found.total.toLocaleString('en')} ${label} incident${found.total === 1 ? '' : 's'}`
      + (found.total > found.rows.length ? `, ${(found.page - 1) * PAGE + 1}–${(found.page - 1) * PAGE + found.rows.length} shown` : '')
    : `${found.total.toLocaleString('en')} ${label} incident${found.total === 1 ? '' : 's'}`;
  const counts = Object.keys(SEVERITY_RANK).filter((s) => severities[s])
    .map((s) => h('li', { class: 'chip fixed' }, `${severities[s]} ${s}`));
  return [
    h('p', { id: 'incidents-summary' }, summary,
      found.rows.length < found.total && !found.paged ? ' (the newest ones are shown)' : ''),
    counts.length ? h('ul', { class: 'chips', 'aria-label': 'Shown incidents by severity' },
      h('li', { class: 'sub' }, found.paged && found.pages > 1 ? 'On this page:' : 'Of these:'), counts) : null,
    found.rows.length === 0 && state.status === 'active'
      ? notice('info', 'No open incidents: everything reported has been resolved. Pick “Resolved” or “All” to see past ones.')
      : null,
    h('div', { id: 'incidents-table' }, table(columns, found.rows, {
      caption: `Incidents (${label})`, empty: 'No incidents match.' })),
    found.paged && found.pages > 1 ? pager(found, reload) : null,
  ];
}

function pager(found, reload) {
  const go = (page) => {
    state.page = page;
    reload();
  };
  return h('nav', { class: 'actions', 'aria-label': 'Pages of incidents' },
    h('button', { type: 'button', class: 'secondary', id: 'incidents-previous', disabled: found.page <= 1,
      onclick: () => go(found.page - 1) }, '‹ Newer'),
    h('span', {}, `Page ${found.page} of ${found.pages}`),
    h('button', { type: 'button', class: 'secondary', id: 'incidents-next', disabled: found.page >= found.pages,
      onclick: () => go(found.page + 1) }, 'Older ›'));
}
