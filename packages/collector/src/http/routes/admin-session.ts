import { signInSchema } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import type { ConsoleTeam } from '../../services/console-team.js';
import type { OidcSignIn } from '../../services/oidc-sign-in.js';
import type { AppEnv } from '../app-env.js';
import { HttpError, retryLater } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import type { AdminSessions } from '../middleware/admin-auth-sessions.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { teamErrors } from './team-errors.js';

export interface AdminSessionDeps {
  sessions: AdminSessions;
  team: ConsoleTeam;
  /** Single sign-on, when configured: signing out of its sessions signs out at the provider too. */
  oidc: OidcSignIn | null;
  clientAddress: (c: Context) => string;
}

const noStore = (c: Context) => c.header('Cache-Control', 'no-store');

/**
 * `POST /v1/admin/session` signs in with an account's email and password, `GET` tells the console
 * whether it is signed in (its person, projects and roles, and its CSRF token after a reload),
 * `DELETE` signs out everywhere (and, for a single sign-on session, answers where the browser
 * signs out at the provider). Registered before the admin auth middleware, so these answer
 * without a session.
 */
export function adminSessionRoutes({ sessions, team, oidc, clientAddress }: AdminSessionDeps) {
  const app = new Hono<AppEnv>();

  app.post('/v1/admin/session', bodyLimit({ maxBytes: 4_096 }), async (c) => {
    noStore(c);
    const { email, password } = parseJsonBody(c.var.body, signInSchema, {
      code: 'invalid_sign_in',
      message: 'Send {"email": "…", "password": "…"}; see issues.',
    });
    const account = await teamErrors(() => team.signIn(email, password, clientAddress(c)));
    if ('wait' in account)
      throw retryLater(429, 'rate_limited', 'Too many sign-in attempts; retry after the delay in Retry-After.', account.wait);
    const started = await sessions.signIn(c, account.id);
    const user = { id: account.id, email: account.email, name: account.name };
    return c.json({ signedIn: true, ...started, user, projects: await team.projectsOf(account.id) }, 201);
  });

  app.get('/v1/admin/session', async (c) => {
    noStore(c);
    const live = await sessions.read(c);
    if (!live) throw new HttpError(401, 'not_signed_in', 'Not signed in to the console.');
    const { account } = live;
    const user = { id: account.id, email: account.email, name: account.name };
    return c.json({ signedIn: true, ...sessions.describe(live), user, projects: await team.projectsOf(account.id) });
  });

  app.delete('/v1/admin/session', async (c) => {
    const live = await sessions.read(c);
    // Signing out is state-changing too: a forged cross-site sign-out must not work either.
    if (live && !sessions.csrfMatches(live, c)) throw new HttpError(403, 'csrf_failed', 'Missing or wrong X-Hearth-CSRF header.');
    await sessions.signOut(c, live);
    const endSessionUrl =
      live?.session.via === 'sso' && oidc
        ? await oidc.endSessionUrl().catch((error: unknown) => {
            console.error(
              "hearth-collector: signed out of the console only: the identity provider's end-session URL could not be read",
              error,
            );
            return null;
          })
        : null;
    return endSessionUrl ? c.json({ endSessionUrl }) : c.body(null, 204);
  });

  return app;
}
