// Calls to the NopeSight API with the token of this browser tab. The token lives in sessionStorage: it goes
// with the tab, and never in a cookie another site's page could make the browser send.
const TOKEN = 'nopesight.token';

export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || 'HTTP_' + status;
    this.details = Array.isArray(error.details) ? error.details : [];
    this.requestId = error.request_id;
  }

  /** Questions the API suggests instead (422 QUERY_NOT_UNDERSTOOD and agent refusals). */
  get suggestions() {
    return this.details.map((d) => String(d.error || '')).filter((e) => e.startsWith('try: ')).map((e) => e.slice(5));
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  signIn: (token) => sessionStorage.setItem(TOKEN, token),
  signOut: () => { sessionStorage.removeItem(TOKEN); session.me = null; },
  me: null,
  /** Whether the signed-in token holds a scope (admin holds every one). */
  has: (scope) => !!session.me && (session.me.scopes.includes('admin') || session.me.scopes.includes(scope)),
};

const listeners = [];
/** Called with every ApiError before it is thrown (the app signs out on 401). */
export function onApiError(listener) {
  listeners.push(listener);
}

async function send(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const token = session.token();
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let parsed = null;
    try {
      parsed = await response.json();
    } catch (ignored) {
      // not the API's error format (a proxy's page): the status says enough
    }
    const error = new ApiError(response.status, parsed);
    listeners.forEach((listener) => listener(error));
    throw error;
  }
  return response;
}

/** The JSON answer of a call, or null for 204. */
export async function api(path, options) {
  const response = await send(path, options);
  return response.status === 204 ? null : response.json();
}

/** A binary answer (a report file, an SVG) as a Blob with the file name the server gave, if any. */
export async function download(path, options) {
  const response = await send(path, { accept: '*/*', ...options });
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  return { blob: await response.blob(), fileName: match ? match[1] : null, type: response.headers.get('Content-Type') };
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  });
  const text = search.toString();
  return text ? '?' + text : '';
}
