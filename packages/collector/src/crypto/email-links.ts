import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a link in an email may do: follow a link, unsubscribe from its category, answer NPS. */
export type EmailLink =
  | { action: 'click'; projectId: string; sendId: string; url: string; expiresAt: number }
  | { action: 'unsubscribe'; projectId: string; sendId: string; expiresAt: number }
  | { action: 'nps'; projectId: string; sendId: string; score: number; expiresAt: number };

/** Separates these MACs from every other use of the project's secret key. */
const CONTEXT = 'hearth-email-link-v1\n';
const mac = (key: string, body: string) =>
  createHmac('sha256', key)
    .update(CONTEXT + body)
    .digest();

/**
 * A link token: the claims as base64url JSON, a dot, and an HMAC-SHA256 over them keyed with the
 * project's secret key, so nobody without it can forge a score, an unsubscribe or a redirect
 * target. The claims are not secret (they name a random send id, never an address).
 */
export function signEmailLink(link: EmailLink, secretKey: string): string {
  const body = Buffer.from(JSON.stringify(link), 'utf8').toString('base64url');
  return `${body}.${mac(secretKey, body).toString('base64url')}`;
}

/** The project a token claims to be for, to look its keys up; null when it is not a token. */
export function emailLinkProject(token: string): string | null {
  const claims = decode(token.split('.')[0] ?? '');
  return claims && typeof claims.projectId === 'string' ? claims.projectId : null;
}

export type VerifiedLink = { ok: true; link: EmailLink } | { ok: false; reason: 'forged' | 'expired' };

/** Checks the MAC against each of the project's keys (two while rotating), then the expiry. */
export function verifyEmailLink(token: string, secretKeys: readonly string[], now: number): VerifiedLink {
  const [body = '', signature = '', extra] = token.split('.');
  if (extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]{43}$/.test(signature))
    return { ok: false, reason: 'forged' };
  const given = Buffer.from(signature, 'base64url');
  if (!secretKeys.some((key) => timingSafeEqual(mac(key, body), given))) return { ok: false, reason: 'forged' };
  const link = decode(body) as EmailLink | null;
  if (!link || typeof link.expiresAt !== 'number') return { ok: false, reason: 'forged' };
  return link.expiresAt <= now ? { ok: false, reason: 'expired' } : { ok: true, link };
}

function decode(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
