import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrfTokenFor } from '../../crypto/opaque-token.js';
import type { ConsoleSessions, LiveSession } from '../../services/console-sessions.js';
import type { SessionVia } from '../../storage/team/team-store.js';

export const ADMIN_COOKIE = 'hearth_admin';
export const CSRF_HEADER = 'X-Hearth-CSRF';
/** The cookie only travels with admin API calls, never with SDK or console-asset requests. */
const COOKIE_PATH = '/v1/admin';

/** `Secure` whenever the console is reached over HTTPS, directly or through a TLS-terminating proxy. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The console's session cookie over the stored sessions: set at sign-in, read per request, cleared at sign-out. */
export class AdminSessions {
  constructor(private readonly sessions: ConsoleSessions) {}

  /** Starts a session: sets the cookie and returns what the console needs to know. */
  async signIn(c: Context, accountId: string, via: SessionVia = 'password'): Promise<{ csrfToken: string; expiresAt: string }> {
    const { token, session } = await this.sessions.start(accountId, via);
    setCookie(c, ADMIN_COOKIE, token, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c),
      maxAge: Math.floor(this.sessions.ttl / 1000),
    });
    return this.describe({ session, token });
  }

  describe({ session, token }: Pick<LiveSession, 'session' | 'token'>): { csrfToken: string; expiresAt: string } {
    return { csrfToken: csrfTokenFor(token), expiresAt: new Date(session.expiresAt).toISOString() };
  }

  /** `undefined`: no cookie sent; `null`: a cookie that is unknown, expired or signed out. */
  async read(c: Context): Promise<LiveSession | null | undefined> {
    const token = getCookie(c, ADMIN_COOKIE);
    if (token === undefined) return undefined;
    return this.sessions.read(token);
  }

  csrfMatches(live: LiveSession, c: Context): boolean {
    const given = c.req.header(CSRF_HEADER);
    return given !== undefined && sameText(given, csrfTokenFor(live.token));
  }

  /** Deletes the stored session (on every collector at once) and clears the cookie. */
  async signOut(c: Context, live: LiveSession | null | undefined): Promise<void> {
    if (live) await this.sessions.end(live.session.id);
    deleteCookie(c, ADMIN_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
  }
}
