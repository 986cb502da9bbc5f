// Building blocks of the views. Everything from the API reaches the page as text (textContent, attribute
// values), never as markup: a CI named <img src=x onerror=alert(1)> shows as those characters.

/** An element: h('a', {href: '#/ci/1', class: 'x', onclick: fn}, 'text', child, ...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  });
  append(element, children);
  return element;
}

function append(element, children) {
  children.flat(Infinity).forEach((child) => {
    if (child === undefined || child === null || child === false) {
      return;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function formatTime(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return isNaN(date) ? String(value) : date.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

export function formatDate(value) {
  return value ? String(value).slice(0, 10) : '';
}

export function formatValue(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value.toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 2 });
  }
  if (Array.isArray(value)) {
    return value.map(formatValue).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`).join('; ');
  }
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) {
    return formatTime(value);
  }
  return String(value);
}

/** A heading and a short line under it. */
export function heading(title, subtitle) {
  return [h('h1', {}, title), subtitle ? h('p', { class: 'sub' }, subtitle) : null];
}

/** A message box: kind is info, error or warning. */
export function notice(kind, ...children) {
  return h('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

/** What an ApiError means to the person looking at the page. */
export function errorNotice(error, scope) {
  if (error && error.status === 403) {
    return notice('error', `Your token lacks the scope this needs${scope ? ` (${scope})` : ''}. `
      + 'Sign in with a token that holds it, or ask an administrator to add it.');
  }
  if (error && error.status === 429) {
    return notice('error', 'Too many requests for this token: wait a minute and try again.');
  }
  return notice('error', error && error.message ? error.message : String(error),
    error && error.details && error.details.length
      ? h('ul', {}, error.details.filter((d) => !String(d.error).startsWith('try: '))
        .map((d) => h('li', {}, d.field ? `${d.field}: ${d.error}` : d.error)))
      : null);
}

/** A view the token cannot use: said plainly before any call is refused. */
export function needsScope(scope) {
  return notice('error', `This view needs the scope ${scope}, which your token does not hold. `
    + 'Sign in with a token that holds it, or ask an administrator to add it.');
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading' }, text);
}

/**
 * A table whose column headers sort it (click or keyboard). columns: [{key, label, render?(row), value?(row),
 * numeric?}]. Returns the table element.
 */
export function table(columns, rows, { caption, empty = 'Nothing to show.' } = {}) {
  const wrap = h('div', { class: 'table-wrap' });
  let sortKey = null;
  let ascending = true;
  const valueOf = (column, row) => (column.value ? column.value(row) : row[column.key]);
  const draw = () => {
    const sorted = sortKey === null ? rows : [...rows].sort((a, b) => {
      const column = columns.find((c) => c.key === sortKey);
      const x = valueOf(column, a);
      const y = valueOf(column, b);
      const order = (x === y) ? 0 : (x === null || x === undefined) ? 1 : (y === null || y === undefined) ? -1
        : (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
      return ascending ? order : -order;
    });
    const head = h('tr', {}, columns.map((column) => {
      const sorted = sortKey === column.key;
      return h('th', { scope: 'col', 'aria-sort': sorted ? (ascending ? 'ascending' : 'descending') : 'none',
        class: column.numeric ? 'num' : null },
      h('button', { type: 'button', class: 'sort', onclick: () => {
        ascending = sortKey === column.key ? !ascending : true;
        sortKey = column.key;
        draw();
        wrap.querySelector(`th:nth-child(${columns.indexOf(column) + 1}) button`).focus();
      } }, column.label, h('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted ? (ascending ? ' ▲' : ' ▼') : '')));
    }));
    const body = sorted.length === 0
      ? [h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, empty))]
      : sorted.map((row) => h('tr', {}, columns.map((column) => h('td', { class: column.numeric ? 'num' : null },
        column.render ? column.render(row) : formatValue(row[column.key])))));
    fill(wrap, h('table', { class: 'data' }, caption ? h('caption', {}, caption) : null,
      h('thead', {}, head), h('tbody', {}, body)));
  };
  draw();
  return wrap;
}

/** Rows as a CSV file, offered for download. */
export function exportCsv(fileName, columns, rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? '' : (typeof value === 'object' ? JSON.stringify(value) : String(value));
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  };
  const lines = [columns.map((c) => cell(c.label)).join(',')]
    .concat(rows.map((row) => columns.map((c) => cell(c.value ? c.value(row) : row[c.key])).join(',')));
  saveBlob(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }), fileName);
}

/** Offers a Blob as a file download. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * An ECharts chart in a new element; it resizes with the window and is disposed with its view. The element
 * is labelled for screen readers, which cannot read a canvas.
 */
export function chart(label, option, { height = 320 } = {}) {
  const element = h('div', { class: 'chart', role: 'img', 'aria-label': label });
  element.style.height = height + 'px';
  requestAnimationFrame(() => {
    if (!element.isConnected || !window.echarts) {
      return;
    }
    const instance = window.echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption({ animation: false, ...option });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    element.addEventListener('dispose', () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    });
  });
  return element;
}

/** A labelled form field. */
export function field(label, control, hint) {
  const id = control.id || ('f-' + Math.random().toString(36).slice(2, 9));
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control,
    hint ? h('small', {}, hint) : null);
}

/** A badge for a severity, status or health word. */
export function badge(word) {
  const text = word === null || word === undefined ? '' : String(word);
  return h('span', { class: 'badge ' + text.toLowerCase().replace(/[^a-z_]/g, '') }, text);
}

/** Marks the view interactive: the browser test measures the time to this from navigation start. */
export function ready(view) {
  if (!document.body.dataset.ready) {
    performance.mark('nopesight-ready');
  }
  document.body.dataset.ready = view;
}

/** Terms and values as a definition list; empty values are left out. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** Lets go of the charts inside an element (their canvases and resize listeners) before it is redrawn. */
export function disposeCharts(element) {
  element.querySelectorAll('.chart').forEach((chart) => chart.dispatchEvent(new Event('dispose')));
}

/** Keeps an element's text on one line. */
export function nowrap(element) {
  element.style.whiteSpace = 'nowrap';
  return element;
}

/** A link to a CI's page, named by its name (or id). */
export function ciLink(id, name) {
  return id ? nowrap(h('a', { href: '#/ci/' + encodeURIComponent(id) }, name || id)) : (name || '');
}

/** A select of [value, label] options; a chosen value not among them (from the address) is kept as an option. */
export function select(id, options, chosen, attributes = {}) {
  const known = options.some(([value]) => value === chosen);
  return h('select', { id, ...attributes },
    options.map(([value, label]) => h('option', { value, selected: value === chosen }, label)),
    !known && chosen ? h('option', { value: chosen, selected: true }, chosen) : null);
}
