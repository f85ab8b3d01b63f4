import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a console session cookie carries; `exp` is epoch milliseconds. */
export interface AdminSessionClaims {
  sid: string;
  exp: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Stateless session tokens: `base64url(claims).base64url(HMAC-SHA256)`. The CSRF token is derived
 * from the session id with the same secret, so it is bound to this session and needs no storage;
 * signing out revokes the id in memory (see AdminSessions).
 */
export class SessionSigner {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  #mac(label: string, data: string): string {
    return createHmac('sha256', this.#secret).update(`${label}\u0000${data}`).digest('base64url');
  }

  issue(now: number, ttlMs: number): { token: string; claims: AdminSessionClaims } {
    const claims = { sid: randomBytes(18).toString('base64url'), exp: now + ttlMs };
    const body = b64(JSON.stringify(claims));
    return { token: `${body}.${this.#mac('session', body)}`, claims };
  }

  /** The claims of a genuine, unexpired token, else null. */
  verify(token: string, now: number): AdminSessionClaims | null {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || !sameText(mac, this.#mac('session', body))) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<AdminSessionClaims>;
      if (typeof claims.sid !== 'string' || typeof claims.exp !== 'number' || claims.exp <= now) return null;
      return { sid: claims.sid, exp: claims.exp };
    } catch {
      return null;
    }
  }

  csrfFor(sid: string): string {
    return this.#mac('csrf', sid);
  }

  csrfMatches(sid: string, given: string | undefined): boolean {
    return given !== undefined && sameText(given, this.csrfFor(sid));
  }
}
