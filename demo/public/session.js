/* global fetch, setInterval, clearInterval, sessionStorage */
import { hearth } from './hearth.js';

/** Tokens live 15 minutes; refreshing at 10 keeps queued events sendable as verified. */
const TOKEN_REFRESH_MS = 10 * 60 * 1000;
let refreshTimer;

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json();
  if (!response.ok) throw new Error(payload.error?.message ?? `request failed (${response.status})`);
  return payload;
}

/** Tells Hearth who this is, with the token our backend minted for exactly this user. */
function identify({ user, userToken }) {
  const { id, email, name, role, plan, company, createdAt } = user;
  hearth('identify', id, { email, name, role, plan, company, createdAt }, { userToken });
  clearInterval(refreshTimer);
  refreshTimer = setInterval(() => restoreSession().catch(() => {}), TOKEN_REFRESH_MS);
  return user;
}

export async function signIn(email) {
  const ref = sessionStorage.getItem('acme.ref') ?? undefined;
  const session = await call('POST', '/api/login', { email, ref });
  sessionStorage.removeItem('acme.ref');
  return identify(session);
}

/** The signed-in user from the session cookie, or null; identifies again with a fresh token. */
export async function restoreSession() {
  const session = await call('GET', '/api/me');
  return session.user ? identify(session) : null;
}

export async function signOut() {
  clearInterval(refreshTimer);
  await call('POST', '/api/logout');
  // A new anonymous id from here on, so the next person on this browser is not merged in.
  hearth('reset');
}
