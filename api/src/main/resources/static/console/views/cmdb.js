// CMDB: search and browse configuration items. The filters live in the address (#/cmdb?search=..&type=..), so
// Back works and a search can be linked; the results are a sortable table whose names lead to #/ci/{id}, with
// Previous/Next paging over the API's pages.
import { api, query } from '../api.js';
import { badge, errorNotice, exportCsv, field, fill, formatTime, formatValue, h, heading, loading, notice, nowrap,
  ready, select, table } from '../ui.js';

// The documented CI types (the demo estate holds exactly these); another type given in the address is offered too.
const TYPES = ['server', 'workstation', 'application', 'database', 'software', 'network_device'];
const STATUSES = ['active', 'inactive', 'maintenance'];
const SORTS = [['', 'Best match (name if no search)'], ['name', 'Name'], ['created_at', 'Created'],
  ['updated_at', 'Last updated']];
const LIMITS = [20, 50, 100];
const DEFAULT_LIMIT = 20;

// What to focus once the view is drawn again after a navigation this view made (the router redraws on hashchange).
let focusAfter = null;

/** The filters the address names, cleaned up. */
function readFilters(search) {
  const page = parseInt(search.get('page') || '1', 10);
  const limit = parseInt(search.get('limit') || String(DEFAULT_LIMIT), 10);
  return {
    search: (search.get('search') || '').trim(),
    type: (search.get('type') || '').trim(),
    status: (search.get('status') || '').trim(),
    sort: (search.get('sort') || '').trim(),
    order: (search.get('order') || '').trim(),
    page: Number.isFinite(page) && page > 0 ? page : 1,
    limit: Number.isFinite(limit) && limit >= 1 && limit <= 100 ? limit : DEFAULT_LIMIT,
  };
}

/** The address of a set of filters (defaults left out, so #/cmdb is the plain list). */
function hashOf(filters) {
  return '#/cmdb' + query({
    search: filters.search, type: filters.type, status: filters.status, sort: filters.sort,
    order: filters.sort ? filters.order : '', page: filters.page > 1 ? filters.page : '',
    limit: filters.limit !== DEFAULT_LIMIT ? filters.limit : '',
  });
}

const COLUMNS = [
  { key: 'name', label: 'Name', render: (ci) => nowrap(h('a', { href: '#/ci/' + encodeURIComponent(ci.id), class: 'ci-link' }, ci.name)) },
  { key: 'type', label: 'Type' },
  { key: 'status', label: 'Status', render: (ci) => badge(ci.status) },
  { key: 'ip_address', label: 'IP address', value: (ci) => attribute(ci, 'ip_address'),
    render: (ci) => formatValue(attribute(ci, 'ip_address')) },
  { key: 'location', label: 'Location', value: (ci) => attribute(ci, 'location'),
    render: (ci) => formatValue(attribute(ci, 'location')) },
  { key: 'environment', label: 'Environment', value: (ci) => (ci.custom_fields || {}).environment,
    render: (ci) => formatValue((ci.custom_fields || {}).environment) },
  { key: 'os', label: 'OS', value: (ci) => attribute(ci, 'os') || attribute(ci, 'os_guess'),
    render: (ci) => formatValue(attribute(ci, 'os') || attribute(ci, 'os_guess')) },
  { key: 'relationships', label: 'Relationships', numeric: true, value: (ci) => (ci.relationships || {}).count,
    render: (ci) => formatValue((ci.relationships || {}).count) },
  { key: 'updated_at', label: 'Updated', render: (ci) => nowrap(h('span', {}, formatTime(ci.updated_at))) },
];

function attribute(ci, key) {
  const value = (ci.attributes || {})[key];
  return value === undefined || value === null || typeof value === 'object' ? null : value;
}

export async function render(container, params) {
  const filters = readFilters(params.search || new URLSearchParams());

  const text = h('input', { id: 'cmdb-search', type: 'search', name: 'search', autocomplete: 'off', maxlength: 500,
    value: filters.search, placeholder: 'e.g. PROD-DB, 10.0.1.40, DC1-RACK-11, production' });
  const type = select('cmdb-type', [['', 'Any type'], ...TYPES.map((t) => [t, t])], filters.type, { name: 'type' });
  const status = select('cmdb-status', [['', 'Any status'], ...STATUSES.map((s) => [s, s])], filters.status, { name: 'status' });
  const sort = select('cmdb-sort', SORTS, filters.sort, { name: 'sort' });
  const order = select('cmdb-order', [['asc', 'Ascending'], ['desc', 'Descending']], filters.order || 'asc', { name: 'order' });
  const limit = select('cmdb-limit', LIMITS.map((n) => [String(n), String(n)]), String(filters.limit), { name: 'limit' });
  order.disabled = !filters.sort;
  sort.addEventListener('change', () => {
    order.disabled = !sort.value;
  });
  const results = h('div', { id: 'cmdb-results', 'aria-live': 'polite' });

  const go = (next, focus) => {
    const hash = hashOf(next);
    focusAfter = focus;
    if (location.hash === hash) {
      // the same address fires no hashchange: fetch again in place
      load(readFilters(new URLSearchParams(hash.split('?')[1] || '')), results, go);
    } else {
      location.hash = hash;
    }
  };

  const form = h('form', { class: 'panel', id: 'cmdb-form', role: 'search', 'aria-label': 'Search configuration items',
    onsubmit: (event) => {
      event.preventDefault();
      go({ search: text.value.trim(), type: type.value, status: status.value, sort: sort.value, order: order.value,
        page: 1, limit: parseInt(limit.value, 10) }, 'cmdb-results');
    } },
  field('Search', text, 'Matches names, descriptions, attributes and custom fields: a host name or part of it, an IP '
    + 'address, an OS, a location (DC1-RACK-11), an environment (production), an owner.'),
  h('div', { class: 'row' }, field('Type', type), field('Status', status), field('Sort by', sort),
    field('Order', order), field('Per page', limit)),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', id: 'cmdb-submit' }, 'Search'),
    h('button', { type: 'button', class: 'secondary', id: 'cmdb-clear', onclick: () => {
      go({ search: '', type: '', status: '', sort: '', order: '', page: 1, limit: DEFAULT_LIMIT }, 'cmdb-search');
    } }, 'Clear filters')));
  text.parentElement.style.maxWidth = '640px';
  text.style.width = '100%';

  fill(container, heading('CMDB', 'Configuration items: search, filter and open one to see its metrics, '
    + 'relationships, events and impact.'), form, results);
  await load(filters, results, go);
}

async function load(filters, results, go) {
  fill(results, loading('Loading configuration items…'));
  let answer;
  try {
    answer = await api('/v1/cmdb/ci' + query({ search: filters.search, type: filters.type, status: filters.status,
      sort: filters.sort, order: filters.sort ? filters.order : '', page: filters.page, limit: filters.limit }));
  } catch (error) {
    fill(results, errorNotice(error, 'cmdb.read'),
      h('p', {}, h('a', { href: '#/cmdb' }, 'Show all configuration items')));
    if (results.isConnected) {
      ready('cmdb');
    }
    return;
  }
  const rows = answer.data || [];
  const pagination = answer.pagination || { page: filters.page, limit: filters.limit, total: rows.length, pages: 1 };
  const total = pagination.total || 0;
  const pages = pagination.pages || 0;
  const page = pagination.page || filters.page;
  const first = total === 0 ? 0 : (page - 1) * pagination.limit + 1;
  const last = Math.min(total, (page - 1) * pagination.limit + rows.length);
  const what = describe(filters);
  const range = total === 0 ? 'No configuration items' : rows.length === 0
    ? `Page ${page} is past the last page (${pages}) of ${total.toLocaleString('en')} configuration items`
    : `Configuration items ${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')}`;

  const previous = h('button', { type: 'button', class: 'secondary', id: 'cmdb-prev', disabled: page <= 1,
    onclick: () => go({ ...filters, page: Math.min(page - 1, Math.max(pages, 1)) }, 'cmdb-prev') }, '← Previous');
  const next = h('button', { type: 'button', class: 'secondary', id: 'cmdb-next', disabled: page >= pages,
    onclick: () => go({ ...filters, page: page + 1 }, 'cmdb-next') }, 'Next →');
  const pager = h('nav', { class: 'actions', 'aria-label': 'Pages of results', 'data-test': 'cmdb-pager' },
    previous,
    h('span', { id: 'cmdb-total', class: 'sub', 'data-total': total }, total === 0 ? '0 results'
      : `Page ${page.toLocaleString('en')} of ${Math.max(pages, 1).toLocaleString('en')} · ${total.toLocaleString('en')} `
        + (total === 1 ? 'result' : 'results')),
    next);
  [previous, next].forEach((button) => { button.style.minWidth = '7.5em'; });
  pager.style.alignItems = 'center';

  const empty = total === 0
    ? (what ? `Nothing matches ${what}. Try fewer filters or another word.` : 'The CMDB holds no configuration items yet.')
    : 'No configuration items on this page.';
  const list = table(COLUMNS, rows, { caption: range + (what ? ` matching ${what}` : ''), empty });
  list.id = 'cmdb-table';
  list.querySelector('table').setAttribute('data-test', 'cmdb-table');

  const csv = h('button', { type: 'button', class: 'secondary', id: 'cmdb-csv', disabled: rows.length === 0,
    onclick: () => exportCsv('configuration-items.csv', COLUMNS.concat([{ key: 'id', label: 'ID' }]), rows) },
  'Download this page (CSV)');

  fill(results, list, pager,
    rows.length === 0 && total > 0 ? notice('info', h('a', { href: hashOf({ ...filters, page: 1 }) }, 'Go to the first page')) : null,
    h('div', { class: 'actions' }, csv));
  if (!results.isConnected) {
    return; // the user has moved on
  }
  ready('cmdb');

  if (focusAfter) {
    const target = document.getElementById(focusAfter);
    focusAfter = null;
    if (target && !target.disabled) {
      if (target.id === 'cmdb-results') {
        // a landmark for screen readers to start reading the new results from, not a control
        target.setAttribute('tabindex', '-1');
        target.style.outline = 'none';
      }
      target.focus({ preventScroll: target.id !== 'cmdb-results' });
    } else if (target) {
      (target.id === 'cmdb-next' ? previous : next).focus();
    }
  }
}

/** The filters in words, for the caption and the empty message. */
function describe(filters) {
  const parts = [];
  if (filters.search) {
    parts.push(`“${filters.search}”`);
  }
  if (filters.type) {
    parts.push(`type ${filters.type}`);
  }
  if (filters.status) {
    parts.push(`status ${filters.status}`);
  }
  return parts.join(', ');
}
