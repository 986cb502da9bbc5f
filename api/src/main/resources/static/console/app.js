// The console: signs in with a token, then shows the view the address names (#/ask, #/cmdb, #/ci/{id},
// #/incidents, #/incidents/{id}, #/services, #/services/{id}, #/capacity, #/reports).
import { api, onApiError, session } from './api.js';
import { disposeCharts, fill, h, needsScope, notice } from './ui.js';

const VIEWS = {
  ask: { module: './views/ask.js', scope: 'reports.query', nav: 'ask' },
  cmdb: { module: './views/cmdb.js', scope: 'cmdb.read', nav: 'cmdb' },
  ci: { module: './views/ci.js', scope: 'cmdb.read', nav: 'cmdb' },
  incidents: { module: './views/incidents.js', scope: 'events.read', nav: 'incidents' },
  incident: { module: './views/incident.js', scope: 'events.read', nav: 'incidents' },
  services: { module: './views/services.js', scope: 'services.read', nav: 'services' },
  service: { module: './views/service.js', scope: 'services.read', nav: 'services' },
  capacity: { module: './views/capacity.js', scope: 'agents.query', nav: 'capacity' },
  reports: { module: './views/reports.js', scope: 'reports.read', nav: 'reports' },
};

const ROUTES = [
  [/^#?\/?$/, () => ['ask', {}]],
  [/^#\/ask(?:\?q=(.*))?$/, (m) => ['ask', { q: m[1] ? decodeURIComponent(m[1]) : '' }]],
  [/^#\/cmdb(?:\?(.*))?$/, (m) => ['cmdb', { search: new URLSearchParams(m[1] || '') }]],
  [/^#\/ci\/([^/?]+)$/, (m) => ['ci', { id: decodeURIComponent(m[1]) }]],
  [/^#\/incidents$/, () => ['incidents', {}]],
  [/^#\/incidents\/([^/?]+)$/, (m) => ['incident', { id: decodeURIComponent(m[1]) }]],
  [/^#\/services$/, () => ['services', {}]],
  [/^#\/services\/([^/?]+)$/, (m) => ['service', { id: decodeURIComponent(m[1]) }]],
  [/^#\/capacity$/, () => ['capacity', {}]],
  [/^#\/reports$/, () => ['reports', {}]],
];

const root = document.getElementById('view');
let shown = 0;

function route(hash) {
  for (const [pattern, read] of ROUTES) {
    const match = pattern.exec(hash);
    if (match) {
      return read(match);
    }
  }
  return null;
}

async function show() {
  const serial = ++shown;
  // a view's charts let go of their canvases and listeners
  disposeCharts(root);
  if (!session.token() || !session.me) {
    if (session.token() && await checkToken(session.token())) {
      return show();
    }
    return signIn();
  }
  const found = route(location.hash);
  if (!found) {
    fill(root, notice('error', 'There is no such page. '), h('a', { href: '#/ask' }, 'Ask a question'));
    return;
  }
  const [name, params] = found;
  const view = VIEWS[name];
  document.querySelectorAll('#nav a').forEach((link) => {
    if (link.dataset.nav === view.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  document.body.dataset.view = name;
  delete document.body.dataset.ready;
  const container = h('div', { class: 'view', 'data-view': name });
  fill(root, container);
  if (!session.has(view.scope)) {
    fill(container, h('h1', {}, title(name)), needsScope(view.scope));
    return;
  }
  const module = await import(view.module);
  if (serial === shown) {
    await module.render(container, params);
  }
}

function title(name) {
  return { ask: 'Ask', cmdb: 'CMDB', ci: 'Configuration item', incidents: 'Incidents', incident: 'Incident',
    services: 'Services', service: 'Service', capacity: 'Capacity', reports: 'Reports' }[name];
}

async function checkToken(token) {
  session.signIn(token);
  try {
    session.me = await api('/v1/auth/whoami');
    showSignedIn();
    return true;
  } catch (error) {
    session.signOut();
    return false;
  }
}

function showSignedIn() {
  document.getElementById('nav').hidden = false;
  fill(document.getElementById('who'), h('span', {}, session.me.owner),
    h('button', { type: 'button', class: 'link', onclick: () => {
      session.signOut();
      location.hash = '#/ask';
      show();
    } }, 'Sign out'));
}

function signIn(message) {
  document.getElementById('nav').hidden = true;
  fill(document.getElementById('who'));
  document.body.dataset.view = 'signin';
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const problem = h('div', { id: 'signin-problem' });
  if (message) {
    fill(problem, notice('error', message));
  }
  const form = h('form', { class: 'signin', onsubmit: async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (await checkToken(token)) {
      show();
    } else {
      fill(problem, notice('error', 'That token was not accepted. Use an API key, a service account key or the '
        + 'admin token (printed at first start).'));
      input.focus();
    }
  } },
  h('h1', {}, 'Sign in'),
  h('p', {}, 'The token is kept for this browser tab only and sent with each call to the API.'),
  h('label', { for: 'token' }, 'API token'), input, problem,
  h('button', { type: 'submit' }, 'Sign in'));
  fill(root, form);
  input.focus();
}

onApiError((error) => {
  if (error.status === 401 && session.me) {
    session.signOut();
    signIn('Your token is no longer accepted (revoked or expired): sign in again.');
  }
});

window.addEventListener('hashchange', () => {
  show();
  root.focus({ preventScroll: true });
});
show();
