import { randomBytes } from 'node:crypto';
import type { AdminConfig } from '@hearth/schema';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashAdminPassword, verifyAdminPassword } from '../routes/admin-session-password.js';
import { SessionSigner, type AdminSessionClaims } from '../admin-session-token.js';

export const ADMIN_COOKIE = 'hearth_admin';
export const CSRF_HEADER = 'X-Hearth-CSRF';
/** The cookie only travels with admin API calls, never with SDK or console-asset requests. */
const COOKIE_PATH = '/v1/admin';
const HOUR_MS = 3_600_000;

export interface AdminSessionsOptions {
  admin: AdminConfig;
  /** `HEARTH_ADMIN_PASSWORD` and `HEARTH_ADMIN_SESSION_SECRET` are read from here. */
  env: Record<string, string | undefined>;
  clock: () => number;
}

/** `Secure` whenever the console is reached over HTTPS, directly or through a TLS-terminating proxy. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

/** Console sessions: the credential, signed cookies, CSRF tokens and sign-out revocation. */
export class AdminSessions {
  readonly #signer: SessionSigner;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  /** Signed-out session ids until they would have expired anyway. */
  readonly #revoked = new Map<string, number>();
  readonly #credential: Promise<string> | null;

  constructor({ admin, env, clock }: AdminSessionsOptions) {
    // Without a configured secret every start signs with a fresh one: sessions end on restart.
    this.#signer = new SessionSigner(admin.sessionSecret ?? env.HEARTH_ADMIN_SESSION_SECRET ?? randomBytes(32).toString('base64url'));
    this.#ttlMs = admin.sessionHours * HOUR_MS;
    this.#clock = clock;
    const plain = env.HEARTH_ADMIN_PASSWORD;
    this.#credential = admin.passwordHash ? Promise.resolve(admin.passwordHash) : plain ? hashAdminPassword(plain) : null;
  }

  get configured(): boolean {
    return this.#credential !== null;
  }

  async passwordMatches(password: string): Promise<boolean> {
    return this.#credential !== null && verifyAdminPassword(password, await this.#credential);
  }

  /** Starts a session: sets the cookie and returns what the console needs to know. */
  signIn(c: Context): { csrfToken: string; expiresAt: string } {
    const { token, claims } = this.#signer.issue(this.#clock(), this.#ttlMs);
    setCookie(c, ADMIN_COOKIE, token, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c),
      maxAge: Math.floor(this.#ttlMs / 1000),
    });
    return this.describe(claims);
  }

  describe(claims: AdminSessionClaims): { csrfToken: string; expiresAt: string } {
    return { csrfToken: this.#signer.csrfFor(claims.sid), expiresAt: new Date(claims.exp).toISOString() };
  }

  /** `undefined`: no cookie sent; `null`: a cookie that is forged, expired or signed out. */
  read(c: Context): AdminSessionClaims | null | undefined {
    const token = getCookie(c, ADMIN_COOKIE);
    if (token === undefined) return undefined;
    const now = this.#clock();
    const claims = this.#signer.verify(token, now);
    return claims && !this.#revoked.has(claims.sid) ? claims : null;
  }

  csrfMatches(claims: AdminSessionClaims, c: Context): boolean {
    return this.#signer.csrfMatches(claims.sid, c.req.header(CSRF_HEADER));
  }

  signOut(c: Context, claims: AdminSessionClaims | null | undefined): void {
    const now = this.#clock();
    for (const [sid, exp] of this.#revoked) if (exp <= now) this.#revoked.delete(sid);
    if (claims) this.#revoked.set(claims.sid, claims.exp);
    deleteCookie(c, ADMIN_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
  }
}
