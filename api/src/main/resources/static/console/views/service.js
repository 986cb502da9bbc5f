// One business service: its health now with the reasons, its SLA over a period with the outages, its components
// (CIs), the services it depends on and those that depend on it, and the dependency map (an SVG from the API,
// fetched with the token and shown as an image through a blob URL).
import { api, download, query } from '../api.js';
import { badge, errorNotice, facts, fill, formatTime, formatValue, h, heading, loading, ready, saveBlob, table } from '../ui.js';
import { healthBadge, metBadge, pct, periodPicker, reasonList } from './services.js';

// the map of the service shown last: its blob URL is let go when another one is shown
let mapUrl = null;

export async function render(container, params) {
  const id = params.id;
  const path = '/v1/services/' + encodeURIComponent(id);
  fill(container, heading('Service', id), loading('Loading the service…'));
  let service;
  let dependencies;
  try {
    service = await api(path);
    dependencies = await api(path + '/dependencies').catch((error) => ({ error }));
  } catch (error) {
    fill(container, heading('Service', id), errorNotice(error, 'services.read'),
      h('p', {}, h('a', { href: '#/services' }, 'Back to the services')));
    ready('service');
    return;
  }

  const sla = h('div', { id: 'service-sla-result', 'aria-live': 'polite' }, loading('Working out the SLA…'));
  const map = h('div', { class: 'map', id: 'service-map-body' }, loading('Drawing the dependency map…'));
  fill(container,
    heading(service.name, service.description || null),
    h('p', {}, h('a', { href: '#/services' }, '‹ All services')),
    h('div', { class: 'columns' },
      h('div', {},
        healthPanel(service),
        h('section', { class: 'panel', id: 'service-sla', 'aria-labelledby': 'service-sla-title' },
          h('h2', { id: 'service-sla-title' }, 'SLA'), h('div', { id: 'service-sla-period' }), sla)),
      h('div', {}, factsPanel(service), dependenciesPanel(dependencies))),
    componentsPanel(service),
    h('section', { class: 'panel', id: 'service-map', 'aria-labelledby': 'service-map-title' },
      h('h2', { id: 'service-map-title' }, 'Dependency map'), map));

  let serial = 0;
  const showSla = async (period) => {
    const mine = ++serial;
    fill(sla, loading(`Working out the SLA over ${period.label}…`));
    try {
      const report = await api(path + '/sla' + query({ from: period.from, to: period.to }));
      if (mine === serial) {
        fill(sla, slaReport(report, period));
      }
    } catch (error) {
      if (mine === serial) {
        fill(sla, errorNotice(error, 'services.read'));
      }
    }
  };
  let firstSla;
  const slaShown = new Promise((resolve) => { firstSla = resolve; });
  container.querySelector('#service-sla-period').append(periodPicker((period) => showSla(period).then(firstSla)));

  await Promise.all([slaShown, showMap(map, service, dependencies, path)]);
  ready('service');
}

function serviceLink(id, name) {
  return h('a', { href: '#/services/' + encodeURIComponent(id) }, name || id);
}

function healthPanel(service) {
  const health = service.health || {};
  return h('section', { class: 'panel', id: 'service-health', 'data-test': 'service-health',
    'aria-labelledby': 'service-health-title' },
  h('h2', { id: 'service-health-title' }, 'Health now'),
  facts([
    ['Status', healthBadge(service.health)],
    ['Since', formatTime(health.since)],
  ]),
  h('h3', {}, 'Why'),
  (health.reasons || []).length ? reasonList(health.reasons)
    : h('p', { class: 'sub' }, 'No active event on its CIs or on what they run on, and no service it depends on is '
      + 'degraded or down.'));
}

function factsPanel(service) {
  const target = service.sla || {};
  const last30 = target.last_30_days;
  return h('section', { class: 'panel', id: 'service-facts', 'aria-labelledby': 'service-facts-title' },
    h('h2', { id: 'service-facts-title' }, 'Facts'),
    facts([
      ['Criticality', badge(service.criticality)],
      ['SLA availability', target.availability || 'none set'],
      ['SLA response time', target.response_time],
      ['Last 30 days', last30 ? [pct(last30.availability), ' available, ', metBadge(last30.met)] : null],
      ['Components', String((service.components || []).length)],
      ['Created', formatTime(service.created_at)],
      ['Updated', formatTime(service.updated_at)],
      ['ID', service.id],
    ]));
}

function dependencyList(list, empty) {
  if (!list.length) {
    return h('p', { class: 'sub' }, empty);
  }
  return h('ul', { class: 'plain' }, list.map((d) => h('li', {}, serviceLink(d.service_id, d.name), ' ', badge(d.health),
    h('br'), h('span', { class: 'sub' }, [d.type, (d.impact || '').replace(/_/g, ' ')].filter(Boolean).join(', ')))));
}

function dependenciesPanel(answer) {
  const panel = h('section', { class: 'panel', id: 'service-dependencies', 'aria-labelledby': 'service-dependencies-title' },
    h('h2', { id: 'service-dependencies-title' }, 'Dependencies'));
  if (!answer || answer.error) {
    panel.append(errorNotice(answer && answer.error, 'services.read'));
    return panel;
  }
  const deps = answer.dependencies || {};
  panel.append(h('h3', {}, 'Depends on'), dependencyList(deps.upstream || [], 'No other service.'),
    h('h3', {}, 'Depended on by'), dependencyList(deps.downstream || [], 'No other service.'));
  return panel;
}

function componentsPanel(service) {
  return h('section', { id: 'service-components', 'aria-labelledby': 'service-components-title' },
    h('h2', { id: 'service-components-title' }, 'Components'),
    table([
      { key: 'ci_name', label: 'CI', render: (row) => h('a', { href: '#/ci/' + encodeURIComponent(row.ci_id),
        'data-test': 'ci-link' }, row.ci_name || row.ci_id) },
      { key: 'ci_type', label: 'Type' },
      { key: 'role', label: 'Role' },
    ], service.components || [], { caption: `The CIs the service is made of (${(service.components || []).length})`,
      empty: 'The service has no components.' }));
}

function slaReport(report, period) {
  const outages = report.outages || [];
  return [
    facts([
      ['Covers', `${formatTime(report.from)} to ${formatTime(report.to)}`],
      ['Availability', [h('strong', {}, pct(report.availability)), report.target !== null && report.target !== undefined
        ? [` against a target of ${pct(report.target)} `, metBadge(report.met)] : ' (no target set)']],
      ['Healthy', `${pct(report.healthy)} of the time (neither down nor degraded)`],
      ['Down', `${formatValue(report.down_minutes)} min in ${outages.length} outage${outages.length === 1 ? '' : 's'}`],
      ['Degraded', `${formatValue(report.degraded_minutes)} min`],
    ]),
    h('h3', {}, 'Outages'),
    table([
      { key: 'from', label: 'From', render: (row) => formatTime(row.from) },
      { key: 'to', label: 'To', render: (row) => (row.ongoing ? 'ongoing' : formatTime(row.to)) },
      { key: 'minutes', label: 'Minutes', numeric: true },
      { key: 'reasons', label: 'Why it was down', value: (row) => (row.reasons || []).length,
        render: (row) => reasonList(row.reasons) },
    ], outages, { caption: `When the service was down over ${period.label}`, empty: 'It was not down in this period.' }),
  ];
}

async function showMap(element, service, dependencies, path) {
  try {
    const file = await download(path + '/dependency-map.svg');
    if (mapUrl) {
      URL.revokeObjectURL(mapUrl);
    }
    mapUrl = URL.createObjectURL(file.blob);
    const image = h('img', { src: mapUrl, alt: mapAlt(service, dependencies), 'data-test': 'dependency-map',
      id: 'dependency-map' });
    // a scrollable region keyboard users can reach and scroll when the map is shown at full size
    const scroller = h('div', { tabindex: '0', role: 'region', 'aria-label': `Dependency map of ${service.name}` }, image);
    scroller.style.overflow = 'auto';
    let full = false;
    const size = h('button', { type: 'button', class: 'secondary', id: 'dependency-map-size', 'aria-pressed': 'false',
      onclick: () => {
        full = !full;
        image.style.maxWidth = full ? 'none' : '';
        size.setAttribute('aria-pressed', String(full));
        fill(size, full ? 'Fit to the page' : 'Show at full size');
      } }, 'Show at full size');
    fill(element,
      h('p', { class: 'sub' }, 'The service, its components and what they run on or depend on, the services it depends on '
        + 'and those that depend on it, each coloured by its health now. Arrows point from what depends to what it '
        + 'depends on.'),
      h('div', { class: 'actions' }, size,
        h('button', { type: 'button', class: 'secondary', id: 'dependency-map-download',
          onclick: () => saveBlob(file.blob, file.fileName || `dependency-map-${service.id}.svg`) }, 'Download SVG')),
      scroller);
    await new Promise((resolve) => {
      if (image.complete) {
        resolve();
      } else {
        image.addEventListener('load', resolve, { once: true });
        image.addEventListener('error', resolve, { once: true });
      }
    });
  } catch (error) {
    fill(element, errorNotice(error, 'services.read'));
  }
}

function mapAlt(service, dependencies) {
  const names = (list) => list.map((d) => d.name || d.service_id).join(', ');
  const components = (service.components || []).map((c) => c.ci_name || c.ci_id);
  const deps = dependencies && !dependencies.error ? dependencies.dependencies || {} : {};
  const up = deps.upstream || [];
  const down = deps.downstream || [];
  return `Dependency map of ${service.name} (health ${service.health?.status || 'unknown'}): `
    + `its ${components.length} component${components.length === 1 ? '' : 's'}`
    + (components.length ? ` (${components.join(', ')})` : '')
    + ' and the CIs they run on or depend on'
    + (up.length ? `; it depends on ${names(up)}` : '; it depends on no other service')
    + (down.length ? `; ${names(down)} depend${down.length === 1 ? 's' : ''} on it` : '')
    + '. The same facts are listed in the Components and Dependencies sections.';
}
