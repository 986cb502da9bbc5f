// Services: every business service's health now, with what is behind it, and its SLA attainment over a period
// the user picks (the last 7 or 30 days, the same ending at the latest event the estate reported, or dates).
// The period picker and the reasons list are shared with service.js.
import { api, query, session } from '../api.js';
import { badge, errorNotice, field, fill, formatTime, formatValue, h, heading, loading, ready, table } from '../ui.js';

const DAY = 24 * 3600 * 1000;
export const HEALTH_RANK = { down: 0, degraded: 1, healthy: 2 };

// the chosen period, kept while the tab lives so the list and a service show the same one
const chosen = { value: null, from: '', to: '' };
let latest = null;

/** When the newest event was reported (the demo's data may end before today), or null when it cannot be known. */
export function latestEventTime() {
  if (!latest) {
    latest = !session.has('events.read') ? Promise.resolve(null)
      : api('/v1/events' + query({ sort: 'created_at', order: 'desc', limit: 1 }))
        .then((answer) => (answer.data.length ? new Date(answer.data[0].created_at) : null))
        .catch(() => null);
  }
  return latest;
}

function day(date) {
  return date.toISOString().slice(0, 10);
}

function periods(newest) {
  const now = new Date();
  const list = [
    { value: '7d', label: 'Last 7 days', from: new Date(now - 7 * DAY), to: now },
    { value: '30d', label: 'Last 30 days', from: new Date(now - 30 * DAY), to: now },
  ];
  if (newest && now - newest > DAY) {
    // up to the end of the day of the latest event
    const end = new Date(Date.UTC(newest.getUTCFullYear(), newest.getUTCMonth(), newest.getUTCDate() + 1));
    list.push({ value: '7d-data', label: `7 days to the latest event (${day(new Date(end - DAY))})`, from: new Date(end - 7 * DAY), to: end },
      { value: '30d-data', label: `30 days to the latest event (${day(new Date(end - DAY))})`, from: new Date(end - 30 * DAY), to: end });
  }
  list.push({ value: 'custom', label: 'Dates of my choice' });
  return list;
}

/**
 * A period picker: onChange({from, to, label}) runs at once with the current period and whenever it changes.
 * Returns the element.
 */
export function periodPicker(onChange) {
  const form = h('form', { class: 'row period', id: 'sla-period' });
  const choice = h('select', { id: 'sla-period-choice' });
  const from = h('input', { id: 'sla-from', type: 'date', required: true });
  const to = h('input', { id: 'sla-to', type: 'date', required: true });
  const custom = h('div', { class: 'row' }, field('From (UTC)', from), field('To, inclusive', to),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'secondary', id: 'sla-apply' }, 'Show')));
  let options = [];
  const current = () => {
    const picked = options.find((o) => o.value === choice.value) || options[0];
    if (picked.value !== 'custom') {
      return { from: picked.from.toISOString(), to: picked.to.toISOString(), label: picked.label.toLowerCase() };
    }
    const end = new Date(Date.parse(to.value + 'T00:00:00Z') + DAY);
    return { from: from.value + 'T00:00:00Z', to: end.toISOString(), label: `${from.value} to ${to.value}` };
  };
  const changed = () => {
    chosen.value = choice.value;
    chosen.from = from.value;
    chosen.to = to.value;
    // .row sets display, which would beat the hidden attribute
    custom.style.display = choice.value === 'custom' ? '' : 'none';
    if (choice.value !== 'custom' || (from.value && to.value)) {
      onChange(current());
    }
  };
  choice.addEventListener('change', () => {
    if (choice.value === 'custom' && !from.value) {
      const picked = options.find((o) => o.value === (options.some((o2) => o2.value === '30d-data') ? '30d-data' : '30d'));
      from.value = day(picked.from);
      to.value = day(new Date(picked.to - 1));
    }
    changed();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    changed();
  });
  custom.style.display = 'none';
  fill(form, field('Period', choice), custom);
  latestEventTime().then((newest) => {
    options = periods(newest);
    fill(choice, options.map((o) => h('option', { value: o.value }, o.label)));
    const fallback = options.some((o) => o.value === '30d-data') ? '30d-data' : '30d';
    const usable = options.some((o) => o.value === chosen.value) && (chosen.value !== 'custom' || (chosen.from && chosen.to));
    choice.value = usable ? chosen.value : fallback;
    from.value = chosen.from;
    to.value = chosen.to;
    changed();
  });
  return form;
}

/** What is behind a health status or an outage: events on CIs, services it depends on. */
export function reasonList(reasons, { limit = Infinity } = {}) {
  const list = reasons || [];
  if (!list.length) {
    return h('span', { class: 'sub' }, 'nothing active');
  }
  const shown = list.slice(0, limit);
  const element = h('ul', { class: 'reasons' }, shown.map((reason) => h('li', {},
    reason.summary || formatValue(reason),
    reason.kind === 'event' && reason.ci_id
      ? [' · ', h('a', { href: '#/ci/' + encodeURIComponent(reason.ci_id) }, reason.ci_name || reason.ci_id)] : null,
    reason.kind === 'service' && reason.service_id
      ? [' · ', h('a', { href: '#/services/' + encodeURIComponent(reason.service_id) }, reason.service_name || reason.service_id)]
      : null)),
  list.length > shown.length ? h('li', { class: 'sub' }, `and ${list.length - shown.length} more`) : null);
  element.style.margin = '0';
  element.style.paddingLeft = '1.1em';
  return element;
}

export function pct(value) {
  return value === null || value === undefined ? ''
    : `${value.toLocaleString('en', { maximumFractionDigits: 3 })}\u00a0%`;
}

/** "met" or "missed", in words as well as colour. */
export function metBadge(met) {
  if (met === null || met === undefined) {
    return '';
  }
  return h('span', { class: met ? 'badge ok' : 'badge critical' }, met ? 'met' : 'missed');
}

export function healthBadge(health) {
  if (!health) {
    return badge('unknown');
  }
  return [badge(health.status), health.score !== undefined && health.score !== null
    ? h('span', { class: 'sub' }, ` ${formatValue(health.score)}/100`) : null];
}

export async function render(container) {
  const results = h('div', { id: 'services-results', 'aria-live': 'polite' }, loading('Loading services…'));
  const summary = h('div', { id: 'services-summary' });
  fill(container, heading('Services', 'Business services: their health now and what is behind it, and how well each '
    + 'kept its SLA over a period.'), summary, h('div', { class: 'panel' }, h('h2', {}, 'SLA period'),
    h('div', { id: 'services-period' })), results);

  let services;
  try {
    services = await readAll();
  } catch (error) {
    fill(results, errorNotice(error, 'services.read'));
    ready('services');
    return;
  }
  const counts = {};
  services.forEach((s) => { counts[s.health?.status || 'unknown'] = (counts[s.health?.status || 'unknown'] || 0) + 1; });
  fill(summary, h('ul', { class: 'chips', 'aria-label': 'Services by health' },
    h('li', { class: 'chip fixed' }, `${services.length} service${services.length === 1 ? '' : 's'}`),
    ['down', 'degraded', 'healthy', 'unknown'].filter((s) => counts[s]).map((s) => h('li', { class: 'chip fixed' }, `${counts[s]} ${s}`))));

  let serial = 0;
  const showPeriod = async (period) => {
    const mine = ++serial;
    fill(results, loading(`Working out the SLA over ${period.label}…`));
    const slas = await Promise.all(services.map((service) => api(`/v1/services/${encodeURIComponent(service.id)}/sla`
      + query({ from: period.from, to: period.to })).catch((error) => ({ error }))));
    if (mine !== serial) {
      return;
    }
    const firstError = slas.find((s) => s.error);
    fill(results,
      firstError ? errorNotice(firstError.error, 'services.read') : null,
      h('div', { id: 'services-table' }, table(columns(), services.map((service, i) => ({ ...service, slaReport: slas[i] })),
        { caption: `Services, with SLA attainment over ${period.label} (${formatTime(period.from)} to ${formatTime(period.to)})`,
          empty: 'No business services are defined.' })));
    ready('services');
  };
  fill(container.querySelector('#services-period'), periodPicker(showPeriod));
}

async function readAll() {
  const rows = [];
  for (let page = 1; page <= 20; page++) {
    const answer = await api('/v1/services' + query({ page, limit: 100 }));
    rows.push(...answer.data);
    if (page >= answer.pagination.pages) {
      break;
    }
  }
  return rows;
}

function columns() {
  const sla = (row) => (row.slaReport && !row.slaReport.error ? row.slaReport : null);
  return [
    { key: 'name', label: 'Service', render: (row) => h('a', { href: '#/services/' + encodeURIComponent(row.id),
      'data-test': 'service-link', 'data-id': row.id }, row.name) },
    { key: 'criticality', label: 'Criticality', value: (row) => ({ critical: 0, high: 1, medium: 2, low: 3 })[row.criticality] ?? 9,
      render: (row) => badge(row.criticality) },
    { key: 'health', label: 'Health', value: (row) => (HEALTH_RANK[row.health?.status] ?? 9) * 1000 + (row.health?.score ?? 0),
      render: (row) => healthBadge(row.health) },
    { key: 'since', label: 'Since', value: (row) => row.health?.since, render: (row) => formatTime(row.health?.since) },
    { key: 'reasons', label: 'Why', value: (row) => (row.health?.reasons || []).length,
      render: (row) => reasonList(row.health?.reasons, { limit: 3 }) },
    { key: 'availability', label: 'Availability', numeric: true, value: (row) => sla(row)?.availability,
      render: (row) => (row.slaReport?.error ? 'not available' : pct(sla(row)?.availability)) },
    { key: 'target', label: 'Target', numeric: true, value: (row) => sla(row)?.target ?? null,
      render: (row) => (sla(row)?.target !== undefined && sla(row)?.target !== null ? pct(sla(row).target) : (row.sla?.availability || 'none')) },
    { key: 'met', label: 'SLA', value: (row) => (sla(row) ? (sla(row).met === false ? 0 : 1) : null),
      render: (row) => metBadge(sla(row)?.met) },
    { key: 'healthy', label: 'Healthy', numeric: true, value: (row) => sla(row)?.healthy, render: (row) => pct(sla(row)?.healthy) },
    { key: 'down', label: 'Down (min)', numeric: true, value: (row) => sla(row)?.down_minutes,
      render: (row) => formatValue(sla(row)?.down_minutes) },
    { key: 'outages', label: 'Outages', numeric: true, value: (row) => sla(row)?.outages?.length,
      render: (row) => formatValue(sla(row)?.outages?.length) },
  ];
}
