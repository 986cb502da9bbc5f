// Capacity: the servers whose CPU, memory or disk forecasts reach 100% soonest (date and 80% interval, as a
// table and a chart), and the upgrades the Infrastructure Optimizer recommends within a budget typed here.
import { api, session } from '../api.js';
import { chart, ciLink, errorNotice, exportCsv, fill, formatDate, formatTime, formatValue, h, heading, notice, ready,
  table } from '../ui.js';

const OPTIMIZER = 'agent_infrastructure_optimizer';
const METRICS = ['cpu_usage', 'memory_usage', 'disk_usage'];
const METRIC_NAMES = { cpu_usage: 'CPU', memory_usage: 'Memory', disk_usage: 'Disk', cpu: 'CPU', memory: 'Memory',
  storage: 'Storage' };
const HORIZONS = [['30', '30 days'], ['90', '90 days'], ['180', '180 days'], ['365', '365 days']];
const DAY = 86_400_000;

/** "stale: no samples since 2026-11-01T00:00:00Z" → the latest of those instants (ms), or null. */
function latestStaleSample(reasons) {
  let latest = null;
  reasons.forEach((reason) => {
    const match = /^stale: no samples since (\S+)/.exec(String(reason || ''));
    const time = match ? Date.parse(match[1]) : NaN;
    if (!isNaN(time) && (latest === null || time > latest)) {
      latest = time;
    }
  });
  return latest;
}

/** Whether an answer forecast nothing because the data ended long before now, and if so the as_of to use. */
function asOfForStaleData(predictableCount, reasons) {
  if (predictableCount > 0) {
    return null;
  }
  const latest = latestStaleSample(reasons);
  // a day after the last sample, so the whole last bucket (hour or day) is read
  return latest === null ? null : new Date(latest + DAY).toISOString().replace(/\.\d+Z$/, 'Z');
}

function daysBetween(from, to) {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return isNaN(a) || isNaN(b) ? null : Math.max(0, Math.round(((b - a) / DAY) * 10) / 10);
}

function metricName(metric, labels) {
  const name = METRIC_NAMES[metric] || metric;
  const extra = labels && Object.keys(labels).length
    ? ' (' + Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') + ')' : '';
  return name + extra;
}

function money(amount, currency) {
  return amount === null || amount === undefined ? '' : `${formatValue(amount)}${currency ? ' ' + currency : ''}`;
}

/** Rows of the exhaustion table from POST /v1/forecasts (needs cmdb.read). */
async function fromForecasts(days) {
  const body = { ci_type: 'server', metrics: METRICS, horizon: days + 'd' };
  let answer = await api('/v1/forecasts', { method: 'POST', body });
  const stale = asOfForStaleData(answer.data.filter((f) => f.predictable).length, answer.data.map((f) => f.reason));
  if (stale) {
    answer = await api('/v1/forecasts', { method: 'POST', body: { ...body, as_of: stale } });
  }
  const rows = answer.data
    .filter((f) => f.predictable && (f.projected_exhaustion || (f.exhaustion_interval && f.exhaustion_interval.earliest)))
    .map((f) => ({
      ci_id: f.ci_id, ci_name: f.ci_name, metric: metricName(f.metric, f.labels), current: f.last_value,
      projected: f.projected_exhaustion, earliest: f.exhaustion_interval && f.exhaustion_interval.earliest,
      latest: f.exhaustion_interval && f.exhaustion_interval.latest, as_of: f.as_of,
      model: f.model && f.model.name,
    }));
  const unpredictable = answer.data.filter((f) => !f.predictable && !/^no samples/.test(f.reason || ''))
    .map((f) => ({ ci_id: f.ci_id, name: f.ci_name, metric: f.metric, reason: f.reason }));
  const lastSample = answer.data.reduce((max, f) => (f.last_sample_at && (!max || f.last_sample_at > max)
    ? f.last_sample_at : max), null);
  return { rows, unpredictable, asOf: stale, shownAsOf: (answer.data[0] && answer.data[0].as_of) || stale, lastSample,
    source: 'forecasts' };
}

/** The same rows from the optimizer's answer (its outlook per metric), for tokens without cmdb.read. */
async function fromAgent(days) {
  const body = { query: 'What servers need capacity upgrades?', context: { time_range: days } };
  let answer = (await api(`/v1/agents/${OPTIMIZER}/query`, { method: 'POST', body })).response;
  const stale = asOfForStaleData((answer.details || []).length + (answer.watch || []).length,
    (answer.unpredictable || []).map((u) => u.reason));
  if (stale) {
    answer = (await api(`/v1/agents/${OPTIMIZER}/query`, { method: 'POST',
      body: { ...body, context: { ...body.context, as_of: stale } } })).response;
  }
  const rows = [];
  (answer.details || []).forEach((detail) => (detail.outlook || []).forEach((o) => {
    if (o.exhaustion_expected || o.exhaustion_earliest) {
      rows.push({ ci_id: detail.ci_id, ci_name: detail.name, metric: metricName(o.metric), current: o.current,
        projected: o.exhaustion_expected, earliest: o.exhaustion_earliest, latest: o.exhaustion_latest,
        as_of: answer.as_of, model: o.model });
    }
  }));
  (answer.watch || []).forEach((w) => {
    if (w.may_reach_capacity && !rows.some((r) => r.ci_id === w.ci_id && r.metric === metricName(w.metric))) {
      rows.push({ ci_id: w.ci_id, ci_name: w.name, metric: metricName(w.metric), current: w.current, projected: null,
        earliest: w.may_reach_capacity, latest: null, as_of: answer.as_of });
    }
  });
  rows.sort((a, b) => String(a.projected || '9999').localeCompare(String(b.projected || '9999'))
    || String(a.earliest || '9999').localeCompare(String(b.earliest || '9999')));
  return { rows, unpredictable: answer.unpredictable || [], asOf: stale, shownAsOf: answer.as_of, lastSample: null,
    source: 'agent' };
}

function exhaustionColumns(days) {
  const beyond = `beyond ${days} days`;
  return [
    { key: 'ci_name', label: 'Server', render: (r) => ciLink(r.ci_id, r.ci_name) },
    { key: 'metric', label: 'Metric' },
    { key: 'current', label: 'Now %', numeric: true, render: (r) => formatValue(r.current) },
    { key: 'projected', label: 'Projected exhaustion', value: (r) => r.projected || r.earliest || null,
      render: (r) => (r.projected ? formatDate(r.projected)
        : h('span', {}, `not expected within ${days} days`, h('br'), h('small', {}, 'only the upper 80% bound reaches 100%'))) },
    { key: 'earliest', label: 'Interval from (80%)', render: (r) => formatDate(r.earliest) },
    { key: 'latest', label: 'Interval to (80%)', render: (r) => (r.latest ? formatDate(r.latest) : beyond) },
    { key: 'days', label: 'Days left', numeric: true, value: (r) => daysBetween(r.as_of, r.projected || r.earliest),
      render: (r) => (r.projected ? formatValue(Math.round(daysBetween(r.as_of, r.projected)))
        : `≥ ${formatValue(Math.round(daysBetween(r.as_of, r.earliest)))}`) },
  ];
}

function exhaustionChart(rows, days) {
  const shown = rows.slice(0, 20);
  const labels = shown.map((r) => `${r.ci_name} · ${r.metric}`);
  const bars = shown.map((r) => (r.projected ? daysBetween(r.as_of, r.projected) : null));
  // [row, from, to, 1 when the interval ends within the horizon (a cap is drawn there) else 0]
  const intervals = shown.map((r, i) => [i, daysBetween(r.as_of, r.earliest) ?? 0,
    r.latest ? daysBetween(r.as_of, r.latest) : Number(days), r.latest ? 1 : 0]);
  const errorBars = {
    type: 'custom', name: '80% interval', data: intervals, z: 3, itemStyle: { color: '#1b2330' },
    encode: { x: [1, 2], y: 0 },
    renderItem: (params, api2) => {
      const y = api2.value(0);
      const low = api2.coord([api2.value(1), y]);
      const high = api2.coord([api2.value(2), y]);
      const cap = Math.max(4, api2.size([0, 1])[1] * 0.25);
      const style = { stroke: '#1b2330', lineWidth: 1.5 };
      return { type: 'group', children: [
        { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
        { type: 'line', shape: { x1: low[0], y1: low[1] - cap, x2: low[0], y2: low[1] + cap }, style },
        api2.value(3) ? { type: 'line', shape: { x1: high[0], y1: high[1] - cap, x2: high[0], y2: high[1] + cap }, style }
          : { type: 'polygon', shape: { points: [[high[0], high[1] - cap], [high[0] + cap * 1.5, high[1]],
            [high[0], high[1] + cap]] }, style: { fill: '#1b2330' } },
      ] };
    },
  };
  const label = `Days until exhaustion for the ${shown.length} soonest server metrics, with the 80% interval as `
    + 'error bars: ' + shown.map((r, i) => `${labels[i]}: ${r.projected ? Math.round(bars[i]) + ' days' : 'not expected'}`
      + ` (${Math.round(intervals[i][1])} to ${r.latest ? Math.round(intervals[i][2]) : 'beyond ' + days})`).join('; ');
  return chart(label, {
    grid: { left: 8, right: 24, top: 30, bottom: 40, containLabel: true },
    legend: { top: 0, data: ['Days until projected exhaustion', '80% interval'] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    xAxis: { type: 'value', name: 'days ahead', nameLocation: 'middle', nameGap: 24, min: 0, max: Number(days) },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: 11 } },
    series: [
      { type: 'bar', name: 'Days until projected exhaustion', data: bars, itemStyle: { color: '#c65a1e' },
        barMaxWidth: 18 },
      errorBars,
    ],
  }, { height: Math.max(220, 60 + shown.length * 26) });
}

export async function render(container) {
  const horizon = h('select', { id: 'capacity-horizon' },
    HORIZONS.map(([value, text]) => h('option', { value, selected: value === '90' }, text)));
  const exhaustion = h('div', { id: 'exhaustion', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Forecasting…'));
  const budget = h('input', { id: 'budget', type: 'number', min: 0, step: 'any', inputmode: 'decimal', required: true,
    value: '50000' });
  const currencyLabel = h('span', {}, 'Budget');
  const submit = h('button', { type: 'submit', id: 'budget-submit' }, 'Recommend upgrades');
  const recommendations = h('div', { id: 'recommendations', 'aria-live': 'polite' });
  const state = { asOf: null, days: '90', currency: null, serial: 0 };

  const showExhaustion = async () => {
    const serial = ++state.serial;
    const days = horizon.value;
    fill(exhaustion, h('p', { class: 'loading' }, 'Forecasting every server’s CPU, memory and disk…'));
    try {
      const result = session.has('cmdb.read') ? await fromForecasts(days) : await fromAgent(days);
      if (serial !== state.serial || !container.isConnected) {
        return;
      }
      state.asOf = result.asOf;
      state.days = days;
      const columns = exhaustionColumns(days);
      fill(exhaustion,
        h('p', { class: 'sub', 'data-test': 'capacity-as-of' },
          result.asOf
            ? `The data ends before today, so the forecasts are made as of ${formatTime(result.asOf)} (the day after the last sample).`
            : `Forecast as of ${formatTime(result.shownAsOf)}${result.lastSample ? `, from data up to ${formatTime(result.lastSample)}` : ''}.`,
          ` Looking ${days} days ahead; 100% is the capacity line.`),
        result.rows.length
          ? [exhaustionChart(result.rows, days), h('p', { class: 'sub' }, h('small', {}, 'Bars: days until the point '
            + 'forecast reaches 100%. Lines: the 80% interval of that date; an arrow means it runs past the '
            + `${days} days shown. Lines without a bar: only the upper bound reaches 100%, a risk rather than a date.`))]
          : notice('info', `No server’s CPU, memory or disk is forecast to reach 100% within ${days} days.`),
        h('div', { 'data-test': 'exhaustion-table' }, table(columns, result.rows, {
          caption: `Server metrics reaching capacity within ${days} days, soonest first`,
          empty: 'No server metric reaches capacity in this period.' })),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', onclick: () => exportCsv('capacity-exhaustion.csv', [
            { key: 'ci_name', label: 'server' }, { key: 'ci_id', label: 'ci_id' }, { key: 'metric', label: 'metric' },
            { key: 'current', label: 'current_percent' }, { key: 'projected', label: 'projected_exhaustion' },
            { key: 'earliest', label: 'interval_from' }, { key: 'latest', label: 'interval_to' },
            { key: 'model', label: 'model' }], result.rows) }, 'Export CSV')),
        result.unpredictable.length ? h('details', {},
          h('summary', {}, `${result.unpredictable.length} series could not be forecast`),
          h('ul', { class: 'plain' }, result.unpredictable.map((u) => h('li', {}, ciLink(u.ci_id, u.name),
            ` · ${metricName(u.metric)}: ${u.reason}`)))) : null);
    } catch (error) {
      if (serial === state.serial) {
        fill(exhaustion, errorNotice(error, session.has('cmdb.read') ? 'cmdb.read' : 'agents.query'));
      }
    }
    ready('capacity');
  };

  const recommend = async (event) => {
    event.preventDefault();
    const amount = Number(budget.value);
    if (budget.value === '' || !isFinite(amount) || amount < 0) {
      fill(recommendations, notice('error', 'Type the budget as a number of currency units, 0 or more.'));
      budget.focus();
      return;
    }
    submit.disabled = true;
    fill(recommendations, h('p', { class: 'loading' }, 'Asking the Infrastructure Optimizer (the first answer can take a few seconds)…'));
    try {
      const context = { time_range: Number(state.days), budget_limit: amount };
      if (state.asOf) {
        context.as_of = state.asOf;
      }
      const answer = (await api(`/v1/agents/${OPTIMIZER}/query`, { method: 'POST', body: {
        query: `Which servers need capacity upgrades within a budget of ${amount}?`, context } })).response;
      state.currency = answer.currency || null;
      fill(currencyLabel, state.currency ? `Budget (${state.currency})` : 'Budget');
      fill(recommendations, showRecommendations(answer));
    } catch (error) {
      fill(recommendations, errorNotice(error, 'agents.query'));
    } finally {
      submit.disabled = false;
    }
  };

  horizon.addEventListener('change', showExhaustion);
  const budgetLabel = h('label', { for: 'budget' }, currencyLabel);
  fill(container,
    heading('Capacity', 'Servers closest to running out of CPU, memory or disk, and the upgrades the Infrastructure '
      + 'Optimizer recommends within a budget.'),
    h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'capacity-horizon' }, 'Look ahead'), horizon)),
    h('section', { class: 'panel', 'aria-labelledby': 'exhaustion-title' },
      h('h2', { id: 'exhaustion-title' }, 'Closest to exhaustion'), exhaustion),
    h('section', { class: 'panel', 'aria-labelledby': 'budget-title' },
      h('h2', { id: 'budget-title' }, 'Upgrades within a budget'),
      h('form', { onsubmit: recommend },
        h('div', { class: 'row' }, h('div', { class: 'field' }, budgetLabel, budget), h('div', { class: 'field' }, submit)),
        h('p', { class: 'sub' }, h('small', { id: 'budget-hint' }, 'In the currency of the optimizer’s price list '
          + '(shown once it answers). The upgrades that avert the most risk within it are chosen; the rest are deferred.'))),
      recommendations));
  budget.setAttribute('aria-describedby', 'budget-hint');
  await showExhaustion();
}

function upgradeText(upgrade) {
  return Object.entries(upgrade || {}).map(([resource, change]) => `${METRIC_NAMES[resource] || resource} ${change}`)
    .join('; ');
}

function deferredText(item) {
  return `${METRIC_NAMES[item.resource] || item.resource || ''} ${item.upgrade || ''}`.trim();
}

function showRecommendations(answer) {
  const currency = answer.currency;
  const details = answer.details || [];
  const deferred = answer.deferred || [];
  const spent = answer.total_cost || 0;
  const limit = answer.budget_limit;
  const columns = [
    { key: 'name', label: 'CI', render: (r) => ciLink(r.ci_id, r.name) },
    { key: 'action', label: 'Action', value: (r) => upgradeText(r.recommended_upgrade),
      render: (r) => upgradeText(r.recommended_upgrade) },
    { key: 'estimated_cost', label: `Cost (${currency || ''})`, numeric: true, render: (r) => formatValue(r.estimated_cost) },
    { key: 'projected_exhaustion', label: 'Projected exhaustion', render: (r) => (r.projected_exhaustion
      ? formatDate(r.projected_exhaustion) : 'not within the period') },
    { key: 'confidence', label: 'Confidence', numeric: true,
      render: (r) => (r.confidence === null || r.confidence === undefined ? '' : Math.round(r.confidence * 100) + '%') },
    { key: 'reasoning', label: 'Why' },
  ];
  const deferredColumns = [
    { key: 'name', label: 'CI', render: (r) => ciLink(r.ci_id, r.name) },
    { key: 'upgrade', label: 'Upgrade', value: (r) => deferredText(r), render: (r) => deferredText(r) },
    { key: 'estimated_cost', label: `Cost (${currency || ''})`, numeric: true, render: (r) => formatValue(r.estimated_cost) },
    { key: 'projected_exhaustion', label: 'Projected exhaustion', render: (r) => formatDate(r.projected_exhaustion) },
    { key: 'reason', label: 'Why deferred' },
  ];
  const total = limit === null || limit === undefined
    ? `Total: ${money(spent, currency)}`
    : `Total within budget: ${money(spent, currency)} of ${money(limit, currency)} (${money(Math.max(0, limit - spent), currency)} left)`;
  return [
    h('p', { 'data-test': 'recommendations-summary' }, answer.summary),
    h('p', { 'data-test': 'budget-total' }, h('strong', {}, total)),
    h('div', { 'data-test': 'recommendations' }, table(columns, details, {
      caption: 'Recommended upgrades, soonest exhaustion first',
      empty: 'No upgrade is needed, or none fits the budget.' })),
    deferred.length ? [h('h3', {}, `Deferred (${deferred.length})`),
      h('div', { 'data-test': 'deferred' }, table(deferredColumns, deferred, { caption: 'Upgrades left out of the budget' }))] : null,
    answer.reasoning ? h('p', { class: 'sub' }, answer.reasoning) : null,
  ];
}
