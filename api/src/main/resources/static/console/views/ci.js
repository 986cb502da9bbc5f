// One configuration item: its attributes and custom fields, open ports and services, metric charts with their
// forecast (interval as a shaded band, projected exhaustion) and anomalies, relationships both ways, process
// connections, what its failure affects, and its events. Each section loads on its own and shows its own error;
// the view is ready once the attributes and the first metric chart are on screen.
import { api, query, session } from '../api.js';
import { badge, chart, disposeCharts, errorNotice, field, fill, formatTime, formatValue, h, loading, needsScope,
  notice, ready, table } from '../ui.js';

// The metrics the analytics read (percentages); a CI's charts are those of them it has samples of.
const METRICS = ['cpu_usage', 'memory_usage', 'disk_usage', 'swap_usage'];
const METRIC_LABELS = { cpu_usage: 'CPU usage', memory_usage: 'Memory usage', disk_usage: 'Disk usage',
  swap_usage: 'Swap usage' };
const WINDOWS = [['1d', '24 hours', 1, '5m'], ['7d', '7 days', 7, '1h'], ['30d', '30 days', 30, '1h'],
  ['90d', '90 days', 90, '1d']];
const HORIZONS = [['1d', '24 hours'], ['7d', '7 days'], ['30d', '30 days'], ['90d', '90 days']];
const DAY = 86_400_000;
const HOUR = 3_600_000;
const STEP_MS = { '5m': 300_000, '1h': HOUR, '1d': DAY };
const EVENTS_PER_PAGE = 10;
const IMPACT_LIMIT = 50;
// Attributes shown first, in this order; the rest follow by name.
const FIRST_ATTRIBUTES = ['hostname', 'ip_address', 'os', 'os_guess', 'location', 'manufacturer', 'model',
  'serial_number', 'cpu_cores', 'memory_gb', 'disk_gb', 'version', 'vendor', 'product'];

const COLOURS = { observed: '#1f5fbf', forecast: '#6a2fa0', band80: 'rgba(106, 47, 160, 0.28)',
  band95: 'rgba(106, 47, 160, 0.12)', anomaly: '#a3161d', capacity: '#a3161d', exhaustion: '#8a5300' };

// The metric window and forecast horizon picked last (kept while moving between CIs).
const choice = { window: '30d', horizon: '30d' };

export async function render(container, params) {
  const id = params.id;
  const title = h('h1', { id: 'ci-name' }, 'Configuration item');
  const subtitle = h('p', { class: 'sub', id: 'ci-summary' }, loading('Loading…'));
  const sections = {};
  const section = (key, label, extra = {}) => {
    const body = h('div', { class: 'section-body' }, loading());
    const heading2 = h('h2', { id: 'ci-' + key + '-title' }, label);
    heading2.style.marginTop = '2px';
    const panel = h('section', { class: 'panel', id: 'ci-' + key, 'aria-labelledby': 'ci-' + key + '-title', ...extra },
      heading2, body);
    sections[key] = body;
    return panel;
  };
  const top = h('div', { class: 'columns' }, section('attributes', 'Attributes'),
    h('div', {}, section('ports', 'Open ports and services'), section('connections', 'Process connections')));
  fill(container, title, subtitle, top, section('metrics', 'Metrics'), section('relationships', 'Relationships'),
    section('impact', 'Impact: what is affected if it fails'), section('events', 'Events'));

  // which metrics the CI has is asked at once, alongside the CI itself
  const probe = probeMetrics(id);
  probe.catch(() => {});
  let ci;
  try {
    ci = await api('/v1/cmdb/ci/' + encodeURIComponent(id));
  } catch (error) {
    fill(subtitle, 'ID ', id);
    Object.values(sections).forEach((body) => fill(body));
    fill(sections.attributes, errorNotice(error, 'cmdb.read'), h('p', {}, h('a', { href: '#/cmdb' }, 'Back to the CMDB')));
    container.querySelectorAll('section.panel').forEach((panel) => {
      if (panel.id !== 'ci-attributes') {
        panel.hidden = true;
      }
    });
    if (container.isConnected) {
      ready('ci');
    }
    return;
  }
  if (!container.isConnected) {
    return;
  }
  fill(title, ci.name);
  fill(subtitle, ci.type, ' · ', badge(ci.status), ' · ', h('code', {}, ci.id), ' · ',
    h('a', { href: '#/cmdb?type=' + encodeURIComponent(ci.type) }, 'Other ' + ci.type + ' CIs'));
  fill(sections.attributes, attributes(ci));

  // sections that need not hold up the first paint fill in as they come
  ports(ci, sections.ports);
  relationships(ci, sections.relationships);
  impact(ci, sections.impact);
  connections(ci, sections.connections);
  events(ci, sections.events);

  // ready once the attributes and the first chart are up; the other charts follow as their forecasts come
  await metrics(ci, sections.metrics, probe);
  if (container.isConnected) {
    ready('ci');
  }
}

// ---------------------------------------------------------------------------------------------- attributes

function attributes(ci) {
  const attrs = ci.attributes || {};
  const custom = ci.custom_fields || {};
  const keys = Object.keys(attrs).filter((key) => key !== 'services');
  keys.sort((a, b) => {
    const x = FIRST_ATTRIBUTES.indexOf(a);
    const y = FIRST_ATTRIBUTES.indexOf(b);
    return (x < 0 ? 99 : x) - (y < 0 ? 99 : y) || a.localeCompare(b);
  });
  const row = (label, value, note) => [h('dt', {}, label, note ? h('small', {}, ' ', note) : null),
    h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)];
  return [
    h('dl', { class: 'facts', id: 'ci-attributes-list', 'data-test': 'ci-attributes' },
      row('type', ci.type),
      row('status', badge(ci.status)),
      ci.description ? row('description', ci.description) : null,
      keys.map((key) => row(key, show(attrs[key]))),
      Object.keys(custom).sort().map((key) => row(key, show(custom[key]), '(custom field)')),
      row('created', [formatTime(ci.created_at), ci.created_by ? ` by ${ci.created_by}` : '']),
      row('updated', [formatTime(ci.updated_at), ci.updated_by ? ` by ${ci.updated_by}` : ''])),
    Object.keys(custom).length === 0 ? h('p', { class: 'sub' }, 'No custom fields.') : null,
  ];
}

function show(value) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return h('dl', { class: 'facts' }, Object.entries(value).map(([k, v]) => [h('dt', {}, k), h('dd', {}, plain(v))]));
  }
  return plain(value);
}

/** formatValue, but whole numbers without thousands separators (ports, years, ids read wrong as 3,306). */
function plain(value) {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : formatValue(value);
  }
  if (Array.isArray(value)) {
    return value.map(plain).join(', ');
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k}: ${plain(v)}`).join('; ');
  }
  return formatValue(value);
}

// ---------------------------------------------------------------------------------------------- ports

async function ports(ci, body) {
  const attrs = ci.attributes || {};
  const services = Array.isArray(attrs.services) ? attrs.services.filter((s) => s && s.port !== undefined) : [];
  const open = Array.isArray(attrs.open_ports) ? attrs.open_ports : [];
  const numbers = [...new Set([...open, ...services.map((s) => s.port)].map((p) => Number(p)).filter(Number.isFinite))]
    .sort((a, b) => a - b);
  if (numbers.length === 0) {
    fill(body, h('p', {}, 'No open ports are recorded for this CI: discovery has not scanned it, or nothing answered.'));
    return;
  }
  const rows = numbers.map((port) => {
    const service = services.find((s) => Number(s.port) === port) || null;
    return { port, protocol: service && service.protocol ? service.protocol : 'tcp', service, process: undefined };
  });
  const columns = [
    { key: 'port', label: 'Port', numeric: true, render: (row) => String(row.port) },
    services.length ? { key: 'service', label: 'Service', value: (row) => serviceText(row.service),
      render: (row) => serviceText(row.service) || '—' } : null,
    { key: 'process', label: 'Listening process', value: (row) => (row.process ? row.process.name : ''),
      render: (row) => (row.process === undefined ? '…' : row.process === null ? 'not reported'
        : `${row.process.name}${row.process.pid ? ` (pid ${row.process.pid})` : ''}`) },
  ].filter(Boolean);
  const draw = () => fill(body,
    h('p', { class: 'sub' }, `${rows.length} open ${rows.length === 1 ? 'port' : 'ports'}`,
      attrs.last_seen ? `, last seen ${formatTime(attrs.last_seen)}` : '', '.'),
    withId(table(columns, rows, { caption: 'Open ports' }), 'ci-ports-table'));
  draw();
  // which process listens on each port (from the host's process scans)
  const lookups = rows.slice(0, 40).map(async (row) => {
    try {
      const answer = await api(`/v1/cmdb/ci/${encodeURIComponent(ci.id)}/listening-process/${row.port}`);
      row.process = answer && answer.found ? answer.process : null;
    } catch (error) {
      row.process = null;
    }
  });
  await Promise.all(lookups);
  rows.forEach((row) => { row.process = row.process === undefined ? null : row.process; });
  if (body.isConnected) {
    draw();
  }
}

function serviceText(service) {
  if (!service) {
    return '';
  }
  const product = [service.product, service.version, service.extra_info ? `(${service.extra_info})` : null]
    .filter(Boolean).join(' ');
  return service.name && product ? `${service.name}: ${product}` : (service.name || product);
}

/** Long text in a table cell that should not be squeezed into a tall narrow column on a phone. */
function wide(text) {
  const span = h('span', {}, text);
  span.style.display = 'inline-block';
  span.style.minWidth = text.length > 40 ? '18em' : '0';
  return span;
}

function withId(element, id) {
  element.id = id;
  return element;
}

// ---------------------------------------------------------------------------------------------- metrics

/** Draws the metric section; resolves once the first chart is drawn (or every one has failed). */
async function metrics(ci, body, probe) {
  let firstDrawn;
  const first = new Promise((resolve) => { firstDrawn = resolve; });
  metricsSection(ci, body, firstDrawn, probe).finally(firstDrawn);
  await first;
}

async function metricsSection(ci, body, firstDrawn, probe) {
  const windowSelect = h('select', { id: 'metric-window' },
    WINDOWS.map(([value, label]) => h('option', { value, selected: value === choice.window }, label)));
  const horizonSelect = h('select', { id: 'forecast-horizon' },
    HORIZONS.map(([value, label]) => h('option', { value, selected: value === choice.horizon }, label)));
  const about = h('p', { class: 'sub', id: 'metric-period' });
  const charts = h('div', { id: 'metric-charts' }, loading('Loading metrics…'));
  const redraw = () => {
    choice.window = windowSelect.value;
    choice.horizon = horizonSelect.value;
    drawMetrics(ci, charts, about);
  };
  windowSelect.addEventListener('change', redraw);
  horizonSelect.addEventListener('change', redraw);
  const controls = h('div', { class: 'row' }, field('History', windowSelect), field('Forecast ahead', horizonSelect));
  fill(body, controls, about, charts);
  return drawMetrics(ci, charts, about, firstDrawn, probe).then((count) => {
    controls.hidden = count === 0;
  });
}

let drawing = 0;

/** Which of METRICS a CI has, with the day of its latest sample (the demo's data may end well before today). */
function probeMetrics(id) {
  const now = Date.now();
  return Promise.all(METRICS.map(async (metric) => {
    const answer = await api(`/v1/cmdb/ci/${encodeURIComponent(id)}/metrics` + query({ metric, step: '1d',
      from: iso(now - 730 * DAY), to: iso(now + DAY) }));
    const last = Math.max(...(answer.series || []).flatMap((s) => s.points.map((p) => Date.parse(p.timestamp))));
    return Number.isFinite(last) ? { metric, lastDay: last } : null;
  }));
}

async function drawMetrics(ci, charts, about, firstDrawn = () => {}, probe = null) {
  const serial = ++drawing;
  disposeCharts(charts);
  fill(charts, loading('Loading metrics…'));
  const [, , days, step] = WINDOWS.find(([value]) => value === choice.window) || WINDOWS[2];
  const now = Date.now();
  let found;
  try {
    found = await (probe || probeMetrics(ci.id));
  } catch (error) {
    fill(charts, errorNotice(error, 'cmdb.read'));
    return;
  }
  if (serial !== drawing) {
    return;
  }
  found = found.filter(Boolean);
  if (found.length === 0) {
    fill(about);
    fill(charts, h('p', {}, 'No metrics are recorded for this CI (', METRICS.join(', '), ').'));
    return 0;
  }
  // the window ends at the end of the latest day with samples (never after now)
  const end = Math.min(Math.max(...found.map((f) => f.lastDay)) + DAY, now);
  const start = end - days * DAY;
  const blocks = found.map(({ metric }) => {
    const block = h('div', { class: 'metric', 'data-test': 'metric-chart', 'data-metric': metric },
      h('h3', {}, (METRIC_LABELS[metric] || metric) + ' (%)'), loading());
    block.style.marginBottom = '18px';
    return block;
  });
  fill(charts, blocks);
  fill(about, `${days === 1 ? 'The 24 hours' : `The ${days} days`} up to ${formatTime(iso(end))}, the end of the `
    + 'latest data, at ' + (step === '5m' ? '5-minute' : step === '1h' ? 'hourly' : 'daily') + ' steps; forecasts '
    + `${HORIZONS.find(([v]) => v === choice.horizon)[1]} ahead of the latest sample. Anomalies are points the model `
    + 'did not expect (99% one-step interval).');
  await Promise.all(found.map(({ metric }, index) => drawMetric(ci, metric, blocks[index], start, end, step, serial)
    .finally(firstDrawn)));
  return found.length;
}

async function drawMetric(ci, metric, block, start, end, step, serial) {
  const base = `/v1/cmdb/ci/${encodeURIComponent(ci.id)}`;
  const label = (METRIC_LABELS[metric] || metric) + ' (%)';
  // forecast from the end of the data, so that old demo data is not "stale"; all three calls at once
  const asOf = end + HOUR < Date.now() ? iso(end) : undefined;
  const other = Promise.allSettled([
    api(base + '/forecast' + query({ metric, horizon: choice.horizon, as_of: asOf })),
    api(base + '/anomalies' + query({ metric, from: iso(start), to: iso(end) })),
  ]);
  let history;
  try {
    history = await api(base + '/metrics' + query({ metric, from: iso(start), to: iso(end), step }));
    if (step === '5m' && !(history.series || []).some((s) => s.points.length)) {
      // raw samples are kept 30 days: an older window only has the hourly roll-ups
      step = '1h';
      history = await api(base + '/metrics' + query({ metric, from: iso(start), to: iso(end), step }));
    }
  } catch (error) {
    if (serial === drawing) {
      fill(block, h('h3', {}, label), errorNotice(error, 'cmdb.read'));
    }
    return;
  }
  const series = (history.series || []).filter((s) => s.points.length);
  const [forecast, anomalies] = await other;
  if (serial !== drawing || !block.isConnected) {
    return;
  }
  const fc = forecast.status === 'fulfilled' ? forecast.value : null;
  const episodes = anomalies.status === 'fulfilled' ? (anomalies.value.episodes || []) : [];
  const hasBand = !!(fc && fc.predictable && fc.points && fc.points.length);
  const element = chart(`${label} of ${ci.name}: ${describeChart(series, fc, episodes)}`,
    chartOption(metric, series, fc, episodes, step), { height: window.innerWidth < 600 ? 280 : 340 });
  if (hasBand) {
    element.setAttribute('data-test', 'forecast-band');
  }
  fill(block, h('h3', {}, label),
    summary(series, fc, forecast.status === 'rejected' ? forecast.reason : null),
    element,
    anomalyList(episodes, anomalies.status === 'rejected' ? anomalies.reason : null));
  await nextFrame();
}

function summary(series, fc, error) {
  const points = series.flatMap((s) => s.points);
  const lastPoint = points.reduce((a, b) => (!a || Date.parse(b.timestamp) > Date.parse(a.timestamp) ? b : a), null);
  const mean = points.length ? points.reduce((sum, p) => sum + p.value, 0) / points.length : null;
  const peak = points.length ? Math.max(...points.map((p) => p.value)) : null;
  const facts = h('p', { class: 'metric-facts' }, lastPoint
    ? `Latest ${pct(lastPoint.value)} at ${formatTime(lastPoint.timestamp)} · average ${pct(mean)} · peak ${pct(peak)} in this window.`
    : 'No samples in this window.');
  let outlook;
  if (error) {
    outlook = errorNotice(error, 'cmdb.read');
  } else if (!fc) {
    outlook = null;
  } else if (!fc.predictable) {
    outlook = h('p', { class: 'sub' }, 'No forecast: ', fc.reason || 'the series cannot be predicted.');
  } else {
    const model = fc.model || {};
    const slope = model.trend_per_day;
    const trend = typeof slope !== 'number' ? '' : Math.abs(slope) < 0.005 ? ', no trend'
      : `, trend ${slope > 0 ? '+' : ''}${formatValue(slope)} points a day`;
    const threshold = pct(fc.threshold);
    const interval = fc.exhaustion_interval || null;
    if (fc.projected_exhaustion) {
      outlook = notice('warning', h('strong', {}, `Projected to reach ${threshold} on ${formatTime(fc.projected_exhaustion)}`),
        interval ? ` (80% interval: ${formatTime(interval.earliest)} to ${interval.latest ? formatTime(interval.latest) : 'beyond the horizon'})` : '',
        `. Model: ${model.name || 'unknown'}${trend}.`);
      outlook.setAttribute('data-test', 'projected-exhaustion');
    } else if (interval && interval.earliest) {
      outlook = notice('warning', `At risk: the forecast stays under ${threshold}, but its upper 80% bound reaches it on `
        + `${formatTime(interval.earliest)}. Model: ${model.name || 'unknown'}${trend}.`);
    } else {
      outlook = h('p', { class: 'sub' }, `Forecast (${model.name || 'model'}${trend}): stays under ${threshold} for the next `
        + `${fc.horizon || choice.horizon}.`);
    }
  }
  return [facts, outlook];
}

function anomalyList(episodes, error) {
  if (error) {
    return errorNotice(error, 'cmdb.read');
  }
  if (!episodes.length) {
    return h('p', { class: 'sub' }, 'No anomalies in this window.');
  }
  const sorted = [...episodes].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return h('details', { class: 'anomalies' },
    h('summary', {}, `${episodes.length} ${episodes.length === 1 ? 'anomaly' : 'anomalies'} (marked ▲ above, ▼ below expected)`),
    h('ul', { class: 'plain' }, sorted.map((e) => h('li', {},
      `${formatTime(e.start)}${e.end && e.end !== e.start ? ` to ${formatTime(e.end)}` : ''}: `,
      `${e.direction === 'below' ? 'below' : 'above'} expected, peak ${pct(e.peak_value)} vs ${pct(e.expected)} expected`,
      typeof e.sigmas === 'number' ? ` (${formatValue(Math.abs(e.sigmas))}σ, ${e.points} ${e.points === 1 ? 'point' : 'points'})` : ''))));
}

function describeChart(series, fc, episodes) {
  const parts = [`observed over the window (${series.reduce((n, s) => n + s.points.length, 0)} points)`];
  if (fc && fc.predictable) {
    parts.push('forecast with its 80% and 95% intervals');
    if (fc.projected_exhaustion) {
      parts.push(`projected to reach ${pct(fc.threshold)} on ${formatTime(fc.projected_exhaustion)}`);
    }
  }
  parts.push(`${episodes.length} ${episodes.length === 1 ? 'anomaly' : 'anomalies'}`);
  return parts.join('; ');
}

function chartOption(metric, series, fc, episodes, step) {
  const narrow = window.innerWidth < 600;
  const seriesName = (s) => {
    const labels = Object.entries(s.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ');
    return labels ? `Observed (${labels})` : 'Observed';
  };
  const observed = series.map((s, index) => ({
    id: 'observed-' + index, name: seriesName(s), type: 'line', showSymbol: false, symbol: 'circle',
    sampling: 'lttb', lineStyle: { width: 1.6 }, color: index === 0 ? COLOURS.observed : undefined,
    data: s.points.map((p) => [Date.parse(p.timestamp), round(p.value)]), z: 3,
  }));
  const out = [...observed];
  const legend = observed.map((s) => s.name);
  const forecastByTime = new Map();
  let top = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value)));
  if (fc && fc.predictable && fc.points && fc.points.length) {
    const pts = fc.points;
    pts.forEach((p) => forecastByTime.set(Date.parse(p.timestamp), p));
    top = Math.max(top, ...pts.map((p) => p.upper_95 ?? p.upper_80 ?? p.value));
    const at = (p) => Date.parse(p.timestamp);
    // each interval is a stacked area: its lower bound (transparent) plus its width (shaded)
    const band = (name, lower, upper, colour, stack) => [
      { id: stack + '-base', name: name + ' base', type: 'line', stack, silent: true, showSymbol: false,
        lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 }, tooltip: { show: false },
        data: pts.map((p) => [at(p), round(p[lower] ?? p.value)]), z: 1 },
      { id: stack, name, type: 'line', stack, silent: true, showSymbol: false, lineStyle: { opacity: 0 },
        color: colour, areaStyle: { color: colour, opacity: 1 },
        data: pts.map((p) => [at(p), round((p[upper] ?? p.value) - (p[lower] ?? p.value))]), z: 1 },
    ];
    out.push(...band('95% interval', 'lower_95', 'upper_95', COLOURS.band95, 'band95'));
    out.push(...band('80% interval', 'lower_80', 'upper_80', COLOURS.band80, 'band80'));
    const marks = [];
    if (typeof fc.threshold === 'number' && (fc.projected_exhaustion || (fc.exhaustion_interval || {}).earliest
      || top > fc.threshold * 0.6)) {
      marks.push({ yAxis: fc.threshold, name: 'Capacity', lineStyle: { color: COLOURS.capacity, type: 'dashed' },
        label: { formatter: `Capacity ${pct(fc.threshold)}`, position: 'insideStartTop', color: COLOURS.capacity } });
    }
    if (fc.projected_exhaustion) {
      marks.push({ xAxis: Date.parse(fc.projected_exhaustion), name: 'Projected exhaustion',
        lineStyle: { color: COLOURS.exhaustion, type: 'solid', width: 2 },
        label: { formatter: `Full ${formatTime(fc.projected_exhaustion).slice(0, 10)}`, position: 'end',
          color: COLOURS.exhaustion, fontWeight: 'bold' } });
    }
    out.push({ id: 'forecast', name: 'Forecast', type: 'line', showSymbol: false, color: COLOURS.forecast,
      lineStyle: { type: 'dashed', width: 2 }, data: pts.map((p) => [at(p), round(p.value)]), z: 4,
      markLine: marks.length ? { symbol: 'none', silent: true, data: marks } : undefined });
    legend.push('Forecast', { name: '80% interval', icon: 'rect' }, { name: '95% interval', icon: 'rect' });
  }
  // anomalies: a marker on the observed line where each episode peaks
  const anomalyByTime = new Map();
  const points = series.flatMap((s) => s.points.map((p) => [Date.parse(p.timestamp), p.value]));
  const markers = episodes.map((e) => {
    const from = Date.parse(e.start) - (STEP_MS[step] || HOUR) + 1;
    const to = Date.parse(e.end || e.start) + (STEP_MS[step] || HOUR) - 1;
    const near = points.filter(([t]) => t >= from && t <= to)
      .sort((a, b) => Math.abs(a[1] - e.peak_value) - Math.abs(b[1] - e.peak_value))[0];
    const point = near ? [near[0], round(near[1])] : [Date.parse(e.start), round(e.peak_value)];
    anomalyByTime.set(point[0], e);
    return { value: point, symbol: e.direction === 'below' ? 'path://M0,0 L10,0 L5,9 Z' : 'triangle',
      symbolRotate: 0 };
  }).filter((m) => Number.isFinite(m.value[0]));
  if (markers.length) {
    out.push({ id: 'anomalies', name: 'Anomaly', type: 'scatter', symbolSize: 12, color: COLOURS.anomaly,
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 }, data: markers, z: 5 });
    legend.push({ name: 'Anomaly', icon: 'triangle' });
  }
  const percent = /_usage$/.test(metric);
  return {
    useUTC: true,
    color: [COLOURS.observed, '#2a8a4a', '#b8630f', '#0f7f8a'],
    textStyle: { fontFamily: 'DejaVu Sans, system-ui, sans-serif' },
    legend: { data: legend, top: 0, left: 0, right: 0, textStyle: { fontSize: 12 }, itemGap: narrow ? 8 : 14 },
    grid: { left: 24, right: narrow ? 16 : 40, top: narrow ? 72 : 48, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'line' },
      formatter: (params) => tooltip(params, forecastByTime, anomalyByTime, episodes, STEP_MS[step] || HOUR) },
    xAxis: { type: 'time', name: narrow ? '' : 'UTC', nameLocation: 'end', nameGap: 6,
      axisLabel: { hideOverlap: true, fontSize: 11 }, splitLine: { show: false } },
    yAxis: { type: 'value', name: percent ? 'Percent (%)' : metric, nameLocation: 'middle', nameRotate: 90, nameGap: 46,
      nameTextStyle: { color: '#4f5b6b' }, min: 0, max: percent && top > 80 ? 100 : undefined,
      axisLabel: { formatter: percent ? '{value} %' : '{value}', fontSize: 11 } },
    // an explicit z and zlevel on every series: ECharts 5.3.1 warns about the hover symbol of a line without them
    series: out.map((one) => ({ z: 2, zlevel: 0, ...one })),
  };
}

/** The tooltip, built as elements (the series names can hold label values from the API). */
function tooltip(params, forecastByTime, anomalyByTime, episodes, stepMs) {
  const list = Array.isArray(params) ? params : [params];
  if (!list.length) {
    return '';
  }
  const time = list[0].value ? list[0].value[0] : list[0].axisValue;
  const lines = [h('div', { class: 'tip-time' }, h('strong', {}, formatTime(new Date(time).toISOString())))];
  list.forEach((p) => {
    const id = p.seriesId || '';
    const at = p.value ? p.value[0] : time;
    if (id.startsWith('observed')) {
      lines.push(h('div', {}, marker(p.color), `${p.seriesName}: ${pct(p.value[1])}`));
    } else if (id === 'forecast') {
      const point = forecastByTime.get(at);
      lines.push(h('div', {}, marker(COLOURS.forecast), `Forecast: ${pct(p.value[1])}`));
      if (point && point.lower_80 !== undefined) {
        lines.push(h('div', {}, marker(COLOURS.band80), `80%: ${pct(point.lower_80)} to ${pct(point.upper_80)}`));
        lines.push(h('div', {}, marker(COLOURS.band95), `95%: ${pct(point.lower_95)} to ${pct(point.upper_95)}`));
      }
    }
  });
  // the anomaly episodes this moment falls in (hovering anywhere in an episode, not only on its marker)
  const shown = new Set();
  list.filter((p) => p.seriesId === 'anomalies').forEach((p) => shown.add(anomalyByTime.get(p.value[0])));
  episodes.filter((e) => time >= Date.parse(e.start) - stepMs / 2 && time <= Date.parse(e.end || e.start) + stepMs / 2)
    .forEach((e) => shown.add(e));
  [...shown].filter(Boolean).forEach((episode) => {
    const sign = h('span', { 'aria-hidden': 'true' }, episode.direction === 'below' ? '▼ ' : '▲ ');
    sign.style.color = COLOURS.anomaly;
    lines.push(h('div', {}, sign,
      `Anomaly: ${episode.direction === 'below' ? 'below' : 'above'} expected ${pct(episode.expected)}, `
      + `peak ${pct(episode.peak_value)}`));
  });
  return h('div', {}, lines);
}

function marker(colour) {
  const dot = h('span', { 'aria-hidden': 'true' });
  Object.assign(dot.style, { display: 'inline-block', width: '10px', height: '10px', borderRadius: '5px',
    marginRight: '6px', background: colour });
  return dot;
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

// ---------------------------------------------------------------------------------------------- relationships

async function relationships(ci, body) {
  let answer;
  try {
    answer = await api(`/v1/cmdb/ci/${encodeURIComponent(ci.id)}/relationships`);
  } catch (error) {
    fill(body, errorNotice(error, 'cmdb.read'));
    return;
  }
  const rows = (answer.data || []).map((r) => {
    const outgoing = r.source && r.source.id === ci.id;
    const other = (outgoing ? r.target : r.source) || {};
    return { ...r, direction: outgoing ? 'outgoing' : 'incoming', other };
  });
  const outgoing = rows.filter((r) => r.direction === 'outgoing').length;
  if (rows.length === 0) {
    fill(body, h('p', {}, 'This CI has no relationships.'));
    return;
  }
  const columns = [
    { key: 'direction', label: 'Direction', value: (r) => r.direction },
    { key: 'type', label: 'Relationship', value: (r) => `${r.type} ${r.other.name}`, render: (r) => {
      const other = h('a', { href: '#/ci/' + encodeURIComponent(r.other.id) }, r.other.name || r.other.id);
      return r.direction === 'outgoing' ? [ci.name, ' ', h('strong', {}, r.type), ' ', other]
        : [other, ' ', h('strong', {}, r.type), ' ', ci.name];
    } },
    { key: 'other_type', label: 'Other CI type', value: (r) => r.other.type, render: (r) => r.other.type || '' },
    { key: 'discovered_by', label: 'Found by' },
    { key: 'confidence', label: 'Confidence', numeric: true,
      render: (r) => (typeof r.confidence === 'number' ? Math.round(r.confidence * 100) + ' %' : '') },
    { key: 'attributes', label: 'Details', value: (r) => plain(r.attributes || {}),
      render: (r) => wide(plain(r.attributes || {})) },
  ];
  fill(body, h('p', { class: 'sub' }, `${outgoing} outgoing (from ${ci.name} to another CI), `
    + `${rows.length - outgoing} incoming (from another CI to ${ci.name}).`),
  withId(table(columns, rows, { caption: `${rows.length} ${rows.length === 1 ? 'relationship' : 'relationships'}`,
    empty: 'This CI has no relationships.' }), 'ci-relationships-table'));
}

// ---------------------------------------------------------------------------------------------- impact

async function impact(ci, body) {
  let answer;
  try {
    answer = await api(`/v1/cmdb/ci/${encodeURIComponent(ci.id)}/impact` + query({ limit: IMPACT_LIMIT }));
  } catch (error) {
    fill(body, errorNotice(error, 'cmdb.read'));
    return;
  }
  const affected = answer.affected_cis || [];
  const services = answer.affected_services || [];
  const total = answer.total_affected || 0;
  const head = h('p', { id: 'ci-impact-total', 'data-total': total }, total === 0
    ? `Nothing depends on ${ci.name}: its failure reaches no other CI within ${answer.max_depth} links.`
    : `If ${ci.name} fails, ${total.toLocaleString('en')} ${total === 1 ? 'CI is' : 'CIs are'} affected within `
      + `${answer.max_depth} links` + (total > affected.length ? ` (the nearest ${affected.length} listed)` : '') + '.');
  const serviceList = services.length === 0 ? h('p', { class: 'sub' }, 'No business service is affected.')
    : h('ul', { class: 'plain', id: 'ci-impact-services' }, services.map((s) => h('li', {},
      h('a', { href: '#/services/' + encodeURIComponent(s.service_id) }, s.name), ' ',
      s.criticality ? [badge(s.criticality), ' criticality '] : '', s.health ? ['· health ', badge(s.health), ' '] : '',
      s.via_service ? `· through ${s.via_service}${s.dependency ? ` (${s.dependency})` : ''}`
        : `· ${s.distance === 0 ? 'this CI is a component' : `${s.distance} ${s.distance === 1 ? 'link' : 'links'} away`}`,
      s.components && s.components.length ? ` · components hit: ${s.components.join(', ')}` : '')));
  const columns = [
    { key: 'distance', label: 'Links away', numeric: true },
    { key: 'name', label: 'CI', render: (r) => h('a', { href: '#/ci/' + encodeURIComponent(r.id) }, r.name) },
    { key: 'type', label: 'Type' },
    { key: 'path', label: 'How the failure reaches it', value: (r) => pathText(r),
      render: (r) => wide(pathText(r)) },
  ];
  fill(body, head, h('h3', {}, 'Business services affected'), serviceList,
    total > 0 ? withId(table(columns, affected, { caption: 'Affected configuration items' }), 'ci-impact-table') : null);
}

function pathText(row) {
  const path = row.path || [];
  const via = row.via || [];
  return path.map((step) => step.name).join(' → ') + (via.length ? ` (${via.join(', ')})` : '');
}

// ---------------------------------------------------------------------------------------------- connections

async function connections(ci, body) {
  let answer;
  try {
    answer = await api(`/v1/cmdb/ci/${encodeURIComponent(ci.id)}/process-connections`);
  } catch (error) {
    fill(body, errorNotice(error, 'cmdb.read'));
    return;
  }
  const groups = answer.groups || [];
  const columns = [
    { key: 'processName', label: 'Process' },
    { key: 'target', label: 'Connects to', value: (g) => g.targetServer || g.targetIP,
      render: (g) => [g.targetCIId ? h('a', { href: '#/ci/' + encodeURIComponent(g.targetCIId) }, g.targetServer || g.targetIP)
        : (g.targetServer || 'unknown host'), h('br'), h('small', {}, [g.targetIP, g.connectionCount !== undefined
        ? `${g.connectionCount} ${g.connectionCount === 1 ? 'connection' : 'connections'}` : null].filter(Boolean).join(' · ')),
      h('br'), h('small', {}, `seen ${formatTime(g.firstSeen).replace(' UTC', '')} to ${formatTime(g.lastSeen)}`)] },
    { key: 'ports', label: 'Ports', value: (g) => (g.ports || []).join(', '), render: (g) => (g.ports || []).join(', ') },
  ];
  fill(body, h('p', { class: 'sub' }, 'Outbound connections the agent on this host saw, grouped by process and target.'),
    withId(table(columns, groups, { caption: `${groups.length} process connection ${groups.length === 1 ? 'group' : 'groups'}`,
      empty: 'No process connections recorded (no agent process scan for this host).' }), 'ci-connections-table'));
}

// ---------------------------------------------------------------------------------------------- events

async function events(ci, body) {
  if (!session.has('events.read')) {
    fill(body, needsScope('events.read'));
    return;
  }
  let page = 1;
  const load = async (focus) => {
    let answer;
    try {
      answer = await api('/v1/events' + query({ ci_id: ci.id, page, limit: EVENTS_PER_PAGE }));
    } catch (error) {
      fill(body, errorNotice(error, 'events.read'));
      return;
    }
    const rows = answer.data || [];
    const pagination = answer.pagination || { total: rows.length, pages: 1, page };
    const columns = [
      { key: 'created_at', label: 'Time', render: (e) => formatTime(e.created_at) },
      { key: 'severity', label: 'Severity', render: (e) => badge(e.severity) },
      { key: 'status', label: 'Status', render: (e) => badge(e.status) },
      { key: 'title', label: 'Event' },
      { key: 'source', label: 'Source' },
      { key: 'count', label: 'Count', numeric: true },
      { key: 'incident_id', label: 'Incident', render: (e) => (e.incident_id
        ? h('a', { href: '#/incidents/' + encodeURIComponent(e.incident_id) }, e.incident_id) : '') },
    ];
    const previous = h('button', { type: 'button', class: 'secondary', id: 'ci-events-prev', disabled: page <= 1,
      onclick: () => { page -= 1; load('ci-events-prev'); } }, '← Newer');
    const next = h('button', { type: 'button', class: 'secondary', id: 'ci-events-next', disabled: page >= (pagination.pages || 1),
      onclick: () => { page += 1; load('ci-events-next'); } }, 'Older →');
    const total = pagination.total || 0;
    fill(body, withId(table(columns, rows, { caption: total === 0 ? 'No events'
      : `Events ${(page - 1) * EVENTS_PER_PAGE + 1}–${(page - 1) * EVENTS_PER_PAGE + rows.length} of ${total}, newest first`,
    empty: 'No events name this CI.' }), 'ci-events-table'),
    total > EVENTS_PER_PAGE ? h('nav', { class: 'actions', 'aria-label': 'Pages of events', style: 'align-items: center' }, previous,
      h('span', { class: 'sub' }, `Page ${page} of ${pagination.pages}`), next) : null);
    if (focus) {
      const target = document.getElementById(focus);
      (target && !target.disabled ? target : (focus === 'ci-events-next' ? previous : next)).focus();
    }
  };
  await load();
}

// ---------------------------------------------------------------------------------------------- helpers

function iso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function round(value) {
  return typeof value === 'number' ? Math.round(value * 100) / 100 : value;
}

function pct(value) {
  return typeof value === 'number' ? `${formatValue(Math.round(value * 10) / 10)} %` : '—';
}
