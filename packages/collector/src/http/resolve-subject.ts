import type { ProjectConfig } from '@hearth/schema';
import { verifiedUserId } from '../domain/identity-token.js';
import type { Subject } from '../storage/facts/fact-store.js';
import { HttpError } from './http-error.js';

export interface Caller {
  anonymousId: string;
  userId?: string | undefined;
  userToken?: string | undefined;
}

export interface ResolvedCaller {
  subject: Subject;
  /** A valid token proves the user: only then may points, rewards or trusted traits follow. */
  verified: boolean;
}

/** The user id `token` proves for this project now, or null: the one verification every browser route uses. */
export function provenUserId(project: ProjectConfig, token: string | undefined, now: number): Promise<string | null> {
  return verifiedUserId(token, project.secretKeys, now);
}

/** The one refusal every route gives a user id without a valid token for it. */
export function identityNotVerified(
  path: string,
  message = 'This call needs a verified identity: pass a valid userToken (HS256 JWT signed with the project secret, sub = userId, not expired) with the userId.',
): HttpError {
  return new HttpError(401, 'identity_not_verified', message, [{ path, message: 'no valid userToken for this user id' }]);
}

/**
 * Who a browser call is about, for every public route; the token is verified once, here. With a
 * user id: that user, when the token proves it, or — only while the project opts out of
 * enforcement — on the caller's word (documented: the public key then reads and writes any
 * user's per-user data). Without one: the visitor behind the anonymous id, and only that
 * visitor — an anonymous id is never looked up as a user id, whatever it looks like.
 * `requireToken` refuses an unproven user even when the project opts out (rewards).
 */
export async function resolveCaller(
  project: ProjectConfig,
  caller: Caller,
  now: number,
  options: { requireToken?: boolean; message?: string } = {},
): Promise<ResolvedCaller> {
  if (!caller.userId) return { subject: { anonymousId: caller.anonymousId }, verified: false };
  const verified = (await provenUserId(project, caller.userToken, now)) === caller.userId;
  if (!verified && (options.requireToken || project.identityVerification.enforce)) throw identityNotVerified('userToken', options.message);
  return { subject: { userId: caller.userId }, verified };
}
