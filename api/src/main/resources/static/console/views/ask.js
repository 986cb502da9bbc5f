// Ask: a question in plain English, what was understood as removable chips, the answer as a sortable table
// with a chart where it has one, the insights and recommendations beside it.
import { api, ApiError, query, session } from '../api.js';
import { chart, errorNotice, exportCsv, fill, formatValue, h, heading, notice, ready, table } from '../ui.js';

const EXAMPLES = [
  'How many servers are in production?',
  'count workstations by department',
  'top 5 servers by cpu usage last week',
  'Ubuntu servers in DC2 not in production',
  'which servers will run out of disk in the next 30 days',
  'critical events in the last 7 days',
  'what depends on PROD-DB-01',
];

const HIDDEN_COLUMNS = new Set(['ci_id', 'id']);

export async function render(container, params) {
  const input = h('input', { id: 'question', type: 'search', name: 'q', autocomplete: 'off', maxlength: 1000,
    placeholder: 'e.g. top 5 servers by cpu usage last week', value: params.q || '' });
  const predictions = h('input', { id: 'include-predictions', type: 'checkbox' });
  const answer = h('div', { id: 'answer', 'aria-live': 'polite' });
  const state = { question: params.q || '', without: [] };

  const ask = async () => {
    const question = state.question.trim();
    if (!question) {
      fill(answer, notice('info', 'Type a question, or pick one of the examples.'));
      return;
    }
    fill(answer, h('p', { class: 'loading' }, 'Reading the question…'));
    try {
      const result = await api('/v1/reports/ai/query', { method: 'POST', body: {
        query: question, without: state.without,
        context: { time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone, include_predictions: predictions.checked },
      } });
      fill(answer, show(result, state, ask));
    } catch (error) {
      fill(answer, refusal(error, (suggested) => {
        input.value = suggested;
        submit();
      }));
    }
    ready('ask');
  };

  const submit = () => {
    state.question = input.value;
    state.without = [];
    const hash = '#/ask?q=' + encodeURIComponent(state.question.trim());
    if (location.hash !== hash) {
      history.replaceState(null, '', hash);
    }
    ask();
  };

  const form = h('form', { class: 'panel ask', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    submit();
  } },
  h('label', { for: 'question' }, 'Your question'),
  h('div', { class: 'row' }, input, h('button', { type: 'submit', id: 'ask' }, 'Ask')),
  h('div', { class: 'row' }, h('label', {}, predictions, ' Include forecasts (projected exhaustion)')),
  h('p', { class: 'sub' }, 'Examples: ', EXAMPLES.map((example, index) => [index ? ' · ' : '',
    h('button', { type: 'button', class: 'link example', onclick: () => {
      input.value = example;
      submit();
    } }, example)])));
  input.style.flex = '1 1 320px';

  fill(container, heading('Ask', 'Questions about the estate in plain English, answered from the CMDB, metrics and events.'),
    form, answer);
  if (state.question) {
    await ask();
  } else {
    fill(answer, notice('info', 'Type a question, or pick one of the examples.'));
    ready('ask');
    input.focus();
  }
}

function refusal(error, ask) {
  if (error instanceof ApiError && error.code === 'QUERY_NOT_UNDERSTOOD') {
    return notice('warning', h('p', {}, error.message),
      error.suggestions.length ? [h('p', {}, 'Questions that work:'),
        h('ul', { class: 'suggestions', 'data-test': 'suggestions' }, error.suggestions.map((suggestion) =>
          h('li', {}, h('button', { type: 'button', class: 'secondary', onclick: () => ask(suggestion) }, suggestion))))]
        : null);
  }
  return errorNotice(error, 'reports.query');
}

function show(result, state, ask) {
  const rows = result.results || [];
  const columns = columnsOf(rows);
  const side = h('div', {},
    h('section', { class: 'panel', 'aria-labelledby': 'insights-title' }, h('h2', { id: 'insights-title' }, 'Insights'),
      (result.insights || []).length ? h('ul', { class: 'plain', id: 'insights' }, result.insights.map((i) => h('li', {}, i)))
        : h('p', { class: 'sub' }, 'None for this answer.')),
    h('section', { class: 'panel', 'aria-labelledby': 'recommendations-title' },
      h('h2', { id: 'recommendations-title' }, 'Recommendations'),
      (result.recommendations || []).length ? h('ul', { class: 'plain', id: 'recommendations' }, result.recommendations.map((r) =>
        h('li', {}, h('strong', {}, r.action), r.cost !== undefined && r.cost !== null ? ` (${formatValue(r.cost)})` : '',
          r.impact ? h('div', { class: 'sub' }, r.impact) : null)))
        : h('p', { class: 'sub' }, 'None for this answer.')));
  const main = h('div', {},
    h('section', { class: 'panel', 'aria-labelledby': 'understood-title' },
      h('h2', { id: 'understood-title' }, 'Understood as'),
      chips(result.interpretation, state, ask)),
    h('section', { 'aria-labelledby': 'results-title' },
      h('div', { class: 'row' }, h('h2', { id: 'results-title' }, `Answer: ${rows.length} row${rows.length === 1 ? '' : 's'}`),
        rows.length ? h('button', { type: 'button', class: 'secondary', id: 'export-csv',
          onclick: () => exportCsv('nopesight-answer.csv', columns, rows) }, 'Export CSV') : null),
      answerChart(result, rows),
      metricOverTime(result, rows),
      table(columns, rows, { empty: 'No rows match.' })));
  return h('div', { class: 'columns' }, main, side);
}

// the columns every row has, in the order the first row gives them; a CI's name links to its page
function columnsOf(rows) {
  const keys = [];
  rows.forEach((row) => Object.keys(row).forEach((key) => {
    if (!keys.includes(key) && !HIDDEN_COLUMNS.has(key)) {
      keys.push(key);
    }
  }));
  return keys.map((key) => ({
    key,
    label: key.replace(/_/g, ' '),
    numeric: rows.some((row) => typeof row[key] === 'number'),
    value: (row) => (row[key] !== null && typeof row[key] === 'object') ? formatValue(row[key]) : row[key],
    render: (key === 'name' && rows.some((row) => row.ci_id))
      ? (row) => (row.ci_id ? h('a', { href: '#/ci/' + encodeURIComponent(row.ci_id) }, row.name) : formatValue(row.name))
      : undefined,
  }));
}

// chips: what the question was read as; a removable one asks again without it
function chips(interpretation, state, ask) {
  if (!interpretation) {
    return null;
  }
  const list = h('ul', { class: 'chips', id: 'chips' });
  const fixed = (label) => list.append(h('li', { class: 'chip fixed', 'data-test': 'chip' }, label));
  const removable = (label, part) => list.append(h('li', { class: 'chip', 'data-test': 'chip' }, label,
    h('button', { type: 'button', 'aria-label': `Remove ${label} and ask again`, title: 'Remove and ask again',
      onclick: () => {
        state.without = [...state.without, part];
        ask();
      } }, '×')));
  fixed(`about: ${interpretation.entity}`);
  // the API numbers filters as the question alone is read; those already removed are not shown
  const original = [];
  for (let index = 0; original.length < (interpretation.filters || []).length; index++) {
    if (!state.without.includes('filters/' + index)) {
      original.push(index);
    }
  }
  (interpretation.filters || []).forEach((filter, shown) => {
    const label = filterLabel(filter);
    if (filter.field === 'TYPE' && interpretation.entity !== 'ci') {
      return;
    }
    removable(label, 'filters/' + original[shown]);
  });
  if (interpretation.group_by) {
    removable(`grouped by ${interpretation.group_by.replace(/_/g, ' ')}`, 'group_by');
  }
  const metric = interpretation.metric;
  if (metric) {
    const what = metric.aggregate ? `${metric.aggregate} ${metric.metric}`
      : metric.top ? `top ${metric.top} by ${metric.metric}` : metric.operator ? `${metric.metric} ${metric.operator} ${metric.threshold}`
        : metric.metric;
    fixed(what.replace(/_/g, ' '));
  }
  if (interpretation.events) {
    const events = interpretation.events;
    fixed(['events', (events.severities || []).join('/'), (events.statuses || []).join('/'), (events.sources || []).join('/')]
      .filter(Boolean).join(' '));
  }
  if (interpretation.relation) {
    fixed('relationship: ' + formatValue(interpretation.relation.answer || interpretation.relation.types));
  }
  if (interpretation.time_range || interpretation.from) {
    fixed(`time: ${interpretation.time_range ? interpretation.time_range.replace(/_/g, ' ') : ''} ${
      interpretation.from ? `(${formatValue(interpretation.from)} to ${formatValue(interpretation.to)})` : ''}`.trim());
  }
  fixed(`answer: ${interpretation.answer_type}`);
  return [list, state.without.length ? h('p', { class: 'sub' }, 'Removed parts stay out until you ask a new question. ',
    h('button', { type: 'button', class: 'link', onclick: () => {
      state.without = [];
      ask();
    } }, 'Put them back')) : null,
  h('p', { class: 'sub' }, `Read by the ${interpretation.source === 'llm' ? 'language model (checked against the CMDB)' : 'offline reader'}.`)];
}

function filterLabel(filter) {
  const field = filter.field.toLowerCase().replace(/_/g, ' ');
  const values = (filter.values || []).map((v) => String(v).replace(/-$/, '')).join(', ');
  const operator = filter.operator === '=' || filter.operator === 'in' || filter.operator === 'starts_with' ? ':' : ` ${filter.operator}`;
  return `${filter.negated ? 'not ' : ''}${field}${operator} ${values}`;
}

// a grouping as bars; a ranking or list of CIs with a figure as bars per CI
function answerChart(result, rows) {
  if (rows.length < 2) {
    return null;
  }
  if (result.answer_type === 'group') {
    const label = Object.keys(rows[0]).find((key) => typeof rows[0][key] !== 'number') || 'group';
    const figure = Object.keys(rows[0]).find((key) => typeof rows[0][key] === 'number') || 'count';
    return bars(`${figure} by ${label}`, rows.map((row) => String(row[label])), rows.map((row) => row[figure]), figure);
  }
  const figure = rows[0] && Object.keys(rows[0]).find((key) => typeof rows[0][key] === 'number' && /^(avg|peak|current|value)_?/.test(key));
  if (figure && rows.every((row) => row.name)) {
    return bars(`${figure.replace(/_/g, ' ')} per CI`, rows.map((row) => row.name), rows.map((row) => row[figure]),
      figure.replace(/_/g, ' '));
  }
  return null;
}

function bars(label, names, values, series) {
  return h('div', { class: 'panel', 'data-test': 'answer-chart' }, chart(label, {
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', name: series },
    series: [{ type: 'bar', name: series, data: values, itemStyle: { color: '#1f5fbf' } }],
  }, { height: 260 }));
}

const LINES = 5;

// a metric question about CIs: their hourly series over the question's window, up to five of them, drawn once
// they arrive (the answer is already on screen)
function metricOverTime(result, rows) {
  const interpretation = result.interpretation || {};
  const metric = interpretation.metric;
  if (!metric || !metric.metric || metric.horizon || !session.has('cmdb.read')) {
    return null;
  }
  const to = interpretation.to || new Date().toISOString();
  const from = interpretation.from || new Date(Date.parse(to) - 7 * 86_400_000).toISOString();
  const holder = h('div', { class: 'panel', 'data-test': 'metric-over-time' });
  cisOf(interpretation, rows).then((cis) => Promise.all(cis.map((ci) =>
    api(`/v1/cmdb/ci/${encodeURIComponent(ci.id)}/metrics` + query({ metric: metric.metric, from, to, step: '1h' }))
      .then((answer) => ({ name: ci.name, points: ((answer.series || [])[0] || {}).points || [] })))))
    .then((lines) => {
      const drawn = lines.filter((line) => line.points.length);
      if (!drawn.length || !holder.isConnected) {
        holder.remove();
        return;
      }
      const label = metric.metric.replace(/_/g, ' ');
      fill(holder, h('h3', {}, `${label} over the question's window, hourly`), chart(`${label} per hour of ${
        drawn.map((line) => line.name).join(', ')}`, {
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: '%', max: (value) => Math.max(100, Math.ceil(value.max)) },
        series: drawn.map((line) => ({ type: 'line', name: line.name, showSymbol: false, z: 2, zlevel: 0,
          data: line.points.map((point) => [point.timestamp, point.value]) })),
      }, { height: 280 }));
    })
    .catch(() => holder.remove());
  return holder;
}

// the CIs a metric answer is about: its rows' CIs, or those the question names
async function cisOf(interpretation, rows) {
  const listed = rows.filter((row) => row.ci_id).slice(0, LINES).map((row) => ({ id: row.ci_id, name: row.name }));
  if (listed.length) {
    return listed;
  }
  const named = (interpretation.filters || []).filter((f) => f.field === 'NAME' && !f.negated)
    .flatMap((f) => f.values).slice(0, LINES);
  const found = await Promise.all(named.map((name) => api('/v1/cmdb/ci' + query({ search: name, limit: 5 }))
    .then((page) => (page.data || []).find((ci) => ci.name === name))));
  return found.filter(Boolean).map((ci) => ({ id: ci.id, name: ci.name }));
}
