import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoUsers, findDemoUser, type DemoUser } from './demo-users.js';
import { HttpError, readJsonObject, sendJson } from './http-utils.js';
import { clearedSessionCookie, readSession, sessionCookie } from './session-cookie.js';
import { mintUserToken } from './user-token.js';

/**
 * The fake app's backend API. The interesting part for Hearth: every response that tells the
 * page who is signed in also carries a freshly minted `userToken` for `Hearth('identify')`.
 */
export type ApiRoutes = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;

export function createApiRoutes(secret: string): ApiRoutes {
  const signedIn = async (user: DemoUser) => ({ user, userToken: await mintUserToken(user.id, secret) });

  return async (req, res, pathname) => {
    const route = `${req.method ?? 'GET'} ${pathname}`;
    switch (route) {
      case 'POST /api/login': {
        const { email } = await readJsonObject(req);
        if (typeof email !== 'string' || email.trim() === '') {
          throw new HttpError(400, 'invalid_email', 'email: expected a non-empty string');
        }
        const user = findDemoUser({ email });
        if (!user) {
          const known = demoUsers.map((candidate) => candidate.email).join(' or ');
          throw new HttpError(401, 'unknown_user', `email: no demo account for "${email}"; try ${known}`);
        }
        sendJson(res, 200, await signedIn(user), { 'Set-Cookie': sessionCookie(user.id) });
        return true;
      }
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
