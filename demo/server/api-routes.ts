import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoUsers, findDemoUser, type DemoUser } from './demo-users.js';
import type { Fulfilment } from './fulfilment.js';
import { HttpError, readJsonObject, sendJson } from './http-utils.js';
import { clearedSessionCookie, readSession, sessionCookie } from './session-cookie.js';
import type { SurveyFollowUps } from './survey-followups.js';
import { mintUserToken } from '@hearth/node';

/**
 * The fake app's backend API. The interesting part for Hearth: every response that tells the
 * page who is signed in also carries a freshly minted `userToken` for `Hearth('identify')`.
 */
export type ApiRoutes = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;

export function createApiRoutes(secret: string, rewards: Fulfilment, surveys?: SurveyFollowUps, clock: () => number = Date.now): ApiRoutes {
  const signedIn = (user: DemoUser) => ({ user, userToken: mintUserToken(user.id, { secretKey: secret, now: new Date(clock()) }) });
  const { hearth } = rewards;

  return async (req, res, pathname) => {
    const route = `${req.method ?? 'GET'} ${pathname}`;
    switch (route) {
      case 'POST /api/login': {
        const { email, ref } = await readJsonObject(req);
        if (typeof email !== 'string' || email.trim() === '') {
          throw new HttpError(400, 'invalid_email', 'email: expected a non-empty string');
        }
        const user = findDemoUser({ email });
        if (!user) {
          const known = demoUsers.map((candidate) => candidate.email).join(' or ');
          throw new HttpError(401, 'unknown_user', `email: no demo account for "${email}"; try ${known}`);
        }
        // The fake app has no sign-up: a first sign-in through a referral link stands for one.
        // Hearth refuses self-referral, loops and a second referrer; the sign-in goes on regardless.
        if (typeof ref === 'string' && ref)
          await hearth.attachReferral(user.id, ref).catch((error: unknown) => console.warn('[demo] referral not attached:', error));
        sendJson(res, 200, await signedIn(user), { 'Set-Cookie': sessionCookie(user.id) });
        return true;
      }
      case 'POST /api/projects': {
        const userId = readSession(req.headers.cookie);
        if (userId === undefined || !findDemoUser({ id: userId })) throw new HttpError(401, 'signed_out', 'sign in first');
        const { template } = await readJsonObject(req);
        // Points worth redeeming come from the backend (secret key), never from the browser's track.
        await hearth.track(userId, 'Project Created', typeof template === 'string' ? { template } : {});
        sendJson(res, 201, { ok: true });
        return true;
      }
      case 'POST /api/hearth/fulfilment':
        await rewards.handle(req, res);
        return true;
      case 'POST /api/hearth/survey-responses':
        if (!surveys) throw new HttpError(404, 'not_configured', 'no survey webhook secret is configured');
        await surveys.handle(req, res);
        return true;
      case 'GET /api/me': {
        const userId = readSession(req.headers.cookie);
        const user = userId === undefined ? undefined : findDemoUser({ id: userId });
        // Signed out is a normal answer here, not an error the browser console should shout about.
        sendJson(res, 200, user ? await signedIn(user) : { user: null });
        return true;
      }
      case 'POST /api/logout':
        sendJson(res, 200, { ok: true }, { 'Set-Cookie': clearedSessionCookie });
        return true;
      default:
        if (pathname.startsWith('/api/')) throw new HttpError(404, 'not_found', `no API route ${route}`);
        return false;
    }
  };
}
