// Calls to kravmock's admin API (same origin). When the admin API answers 401 (kravmock has an admin
// token), the page asks for the token once, keeps it in sessionStorage (this tab only) and sends it as
// `Authorization: Bearer <token>` from then on. With a session chosen (setSession), every call sends
// `X-Kravmock-Session: <id>`, so the admin API reads and changes that session's state, not the shared
// one.
/* global document, sessionStorage, fetch */ // browser globals (this file runs in the page, not in Node)
const TOKEN_KEY = 'kravmock.adminToken';
export const SESSION_HEADER = 'X-Kravmock-Session';

/** The session the page works in; undefined for the shared state. */
let session;

/** From now on every admin call works in this session (undefined: the shared state). */
export function setSession(id) {
  session = id || undefined;
}

export class AdminApiError extends Error {
  constructor(status, body) {
    super(body && typeof body.message === 'string' ? body.message : `the admin API answered ${status}`);
    this.status = status;
    this.error = body?.error;
    this.problems = Array.isArray(body?.problems) ? body.problems : [];
  }
}

let pendingPrompt;

/** Shows the token dialog; resolves when a token was entered. One dialog for all callers waiting. */
function askForToken(reason) {
  pendingPrompt ??= new Promise((resolve) => {
    const dialog = document.getElementById('token-dialog');
    const form = document.getElementById('token-form');
    const input = document.getElementById('token-input');
    document.getElementById('token-error').textContent = reason;
    input.value = '';
    const done = (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      form.removeEventListener('submit', done);
      dialog.close();
      pendingPrompt = undefined;
      resolve();
    };
    form.addEventListener('submit', done);
    // Escape would close the dialog without a token; keep it open, the page cannot work without one.
    dialog.oncancel = (event) => event.preventDefault();
    dialog.showModal();
    input.focus();
  });
  return pendingPrompt;
}

/** Whether the token dialog is open (polling waits while it is). */
export function waitingForToken() {
  return pendingPrompt !== undefined;
}

/**
 * One admin call: `admin('GET', '/__admin/scenarios')`, `admin('POST', path, body)`. Resolves with the
 * JSON body (null for 204); rejects with an AdminApiError carrying the admin API's message. It works
 * in the chosen session, except with `{ withoutSession: true }`: for `GET /__admin/sessions`, which
 * lists every session whatever the header says, and would otherwise bring an ended session back to
 * life (a request naming an unknown session starts it afresh).
 */
export async function admin(method, path, body, { withoutSession = false } = {}) {
  for (;;) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (session && !withoutSession) headers[SESSION_HEADER] = session;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    if (res.status === 401) {
      const answer = await res.json().catch(() => ({}));
      if (token) sessionStorage.removeItem(TOKEN_KEY);
      await askForToken(token ? `That token was not accepted: ${answer.message ?? 'admin-token-invalid'}` : '');
      continue;
    }
    if (res.status === 204) return null;
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new AdminApiError(res.status, data);
    return data;
  }
}
