import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** A strong validator: the body's SHA-256, so equal bodies always share one tag. */
export const strongEtag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url')}"`;

/** `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`; `*` matches any. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * A JSON answer the browser must revalidate before reuse (`no-cache`), never stored by shared
 * caches (`private`: it is one user's state); 304 without a body when the client's copy is current.
 */
export function revalidatedJson(c: Context, body: string): Response {
  const etag = strongEtag(body);
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
}
