import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque bearer tokens (console sessions, invitation links): 256 random bits, shown to their holder
 * once and stored only as a SHA-256 hash, so a copy of the database is no credential. A hash
 * without salt is enough here: the token is random, not a password that could be guessed.
 */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const tokenHash = (token: string): string => createHash('sha256').update(`hearth-token\u0000${token}`).digest('hex');

/**
 * The CSRF token of a session, derived from its secret token under another label: a page that
 * cannot read the httpOnly cookie cannot compute it, and every collector derives the same one.
 */
export const csrfTokenFor = (token: string): string => createHash('sha256').update(`hearth-csrf\u0000${token}`).digest('base64url');

/** A record id that is safe to show (it grants nothing): `prefix_` and 12 random characters. */
export const newRecordId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`;
