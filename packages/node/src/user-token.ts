import { createHmac } from 'node:crypto';

/** Short-lived, so a leaked token is worth little; the page asks for a fresh one on each load. */
export const DEFAULT_USER_TOKEN_TTL_SECONDS = 15 * 60;

export interface MintUserTokenOptions {
  /** The project's secret key (`sk_…`), from your server's environment. */
  secretKey: string;
  /** Lifetime in seconds (default 15 minutes). */
  ttlSeconds?: number;
  /** When it is minted; default now. */
  now?: Date;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The identity-verification token for `Hearth('identify', userId, traits, { userToken })`: an
 * HS256 JWT `{ sub: userId, iat, exp }` signed with the project's secret key, which the collector
 * verifies with the algorithm pinned to HS256. Run it on your backend only: the secret key must
 * never reach a browser.
 *
 *   const userToken = mintUserToken(user.id, { secretKey: process.env.HEARTH_SECRET_KEY! });
 */
export function mintUserToken(userId: string, options: MintUserTokenOptions): string {
  if (!userId) throw new TypeError('mintUserToken: userId must not be empty');
  return signToken('mintUserToken', { sub: userId }, options);
}

/**
 * An HS256 JWT of `claims` plus `iat` and `exp`, signed with the secret key: the one signer of the
 * user and group tokens. `caller` names the function in errors.
 */
export function signToken(caller: string, claims: Record<string, unknown>, options: MintUserTokenOptions): string {
  if (!options.secretKey) throw new TypeError(`${caller}: secretKey must not be empty`);
  const ttl = options.ttlSeconds ?? DEFAULT_USER_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0) throw new RangeError(`${caller}: ttlSeconds must be a positive whole number`);
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ ...claims, iat, exp: iat + ttl }))}`;
  return `${signingInput}.${createHmac('sha256', options.secretKey).update(signingInput).digest('base64url')}`;
}
