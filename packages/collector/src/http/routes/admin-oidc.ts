import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { OIDC_LOGIN_TTL_MS, OidcError, type OidcSignIn } from '../../services/oidc-sign-in.js';
import type { RequestLimiter } from '../../services/request-limiter.js';
import type { AppEnv } from '../app-env.js';
import { HttpError, retryLater } from '../http-error.js';
import { isHttps, type AdminSessions } from '../middleware/admin-auth-sessions.js';

export interface AdminOidcDeps {
  /** Null when single sign-on is not configured: the start and callback routes answer 404. */
  oidc: OidcSignIn | null;
  sessions: AdminSessions;
  limiter: RequestLimiter;
  clientAddress: (c: Context) => string;
}

/** Carries the state from the start to the callback in the browser that started it. */
const STATE_COOKIE = 'hearth_oidc';
const STATE_COOKIE_PATH = '/v1/admin/oidc';
const CONSOLE = '/admin/';

/** Back to the console's sign-in page with the reason, which it shows in words of its own. */
const toConsole = (c: Context, code?: string) => c.redirect(code ? `${CONSOLE}?sso_error=${code}` : CONSOLE, 302);

/**
 * Single sign-on: `GET /v1/admin/oidc` tells the sign-in page whether to offer it,
 * `GET /v1/admin/oidc/start` sends the browser to the provider, `GET /v1/admin/oidc/callback`
 * takes it back, signs the person in with a normal console session and opens the console. Both
 * are top-level navigations, so failures go back to the console as a code, never as JSON.
 * Registered before the admin auth middleware: there is no session yet.
 */
export function adminOidcRoutes({ oidc, sessions, limiter, clientAddress }: AdminOidcDeps) {
  const app = new Hono<AppEnv>();
  const configured = () => {
    if (!oidc) throw new HttpError(404, 'sso_not_configured', 'Single sign-on is not configured on this collector (admin.oidc).');
    return oidc;
  };

  app.get('/v1/admin/oidc', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ sso: oidc !== null });
  });

  app.get('/v1/admin/oidc/start', async (c) => {
    const provider = configured();
    c.header('Cache-Control', 'no-store');
    const wait = await limiter.take(`sso ${clientAddress(c)}`);
    if (wait > 0) throw retryLater(429, 'rate_limited', 'Too many single sign-on attempts; retry after the delay in Retry-After.', wait);
    try {
      const { url, state } = await provider.start();
      // Lax, not Strict: the provider's redirect back is a cross-site navigation, which must carry it.
      setCookie(c, STATE_COOKIE, state, {
        path: STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c),
        maxAge: OIDC_LOGIN_TTL_MS / 1000,
      });
      return c.redirect(url.href, 302);
    } catch (error) {
      if (error instanceof OidcError) return toConsole(c, error.code);
      throw error;
    }
  });

  app.get('/v1/admin/oidc/callback', async (c) => {
    const provider = configured();
    c.header('Cache-Control', 'no-store');
    const browserState = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: STATE_COOKIE_PATH, httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
    const query = new URL(c.req.url).search;
    // The provider refused or the person cancelled: nothing to verify.
    if (new URLSearchParams(query).has('error')) return toConsole(c, 'sso_cancelled');
    try {
      const account = await provider.finish(query, browserState, clientAddress(c));
      await sessions.signIn(c, account.id, 'sso');
      return toConsole(c);
    } catch (error) {
      if (error instanceof OidcError) return toConsole(c, error.code);
      throw error;
    }
  });

  return app;
}
