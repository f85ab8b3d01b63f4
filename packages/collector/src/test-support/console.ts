import type { createApp } from '../app.js';

type App = ReturnType<typeof createApp>;

/** The first owner's email when the configuration does not name one. */
export const OWNER_EMAIL = 'admin@localhost';

export const signInRequest = (
  app: App,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  url = 'http://collector.test/v1/admin/session',
) =>
  app.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

/** The cookie (as a `Cookie` header value) and CSRF token of a 201 session answer. */
export async function sessionOf(res: Response): Promise<{ cookie: string; csrfToken: string }> {
  if (res.status !== 201) throw new Error(`expected a new session (201), got ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

export const consoleSession = async (app: App, email: string, password: string) => sessionOf(await signInRequest(app, email, password));

/** A console call with the session's cookie, and its CSRF token on state-changing methods. */
export function consoleCall(
  app: App,
  session: { cookie: string; csrfToken: string },
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
) {
  return app.request(path, {
    method,
    headers: {
      Cookie: session.cookie,
      ...(method === 'GET' ? {} : { 'X-Hearth-CSRF': session.csrfToken }),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}
