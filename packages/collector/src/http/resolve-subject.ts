import type { ProjectConfig } from '@hearth/schema';
import { verifiedUserId } from '../domain/identity-token.js';
import type { Subject } from '../storage/facts/fact-store.js';
import { HttpError } from './http-error.js';

export interface Caller {
  anonymousId: string;
  userId?: string | undefined;
  userToken?: string | undefined;
}

/**
 * Whose state a browser may read. With a user id: that user, when the token proves it, or — while
 * the project does not enforce verification — on the caller's word (the documented "send first,
 * enforce later" risk). Without one: the visitor behind the anonymous id.
 */
export async function resolveSubject(project: ProjectConfig, caller: Caller, now: number): Promise<Subject> {
  if (!caller.userId) return { anonymousId: caller.anonymousId };
  const verified = (await verifiedUserId(caller.userToken, project.secretKeys, now)) === caller.userId;
  if (!verified && project.identityVerification.enforce) {
    throw new HttpError(
      401,
      'identity_not_verified',
      'This project enforces identity verification: pass a valid userToken (HS256 JWT signed with the project secret, sub = userId, not expired) with the userId.',
      [{ path: 'userToken', message: 'no valid userToken for this user id' }],
    );
  }
  return { userId: caller.userId };
}
