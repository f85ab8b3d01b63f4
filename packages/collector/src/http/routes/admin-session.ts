import type { ProjectConfig } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { HttpError, retryLater } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import type { AdminSessions } from '../middleware/admin-auth-sessions.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { SignInLimiter, type SignInLimits } from './admin-session-limit.js';

export interface AdminSessionDeps {
  sessions: AdminSessions;
  projects: readonly ProjectConfig[];
  clock: () => number;
  clientAddress: (c: Context) => string;
}

/**
 * 5 wrong passwords per address per 15 minutes; past 50 across all addresses, 1 per address; 8
 * password checks at once.
 */
export const SIGN_IN_LIMITS: SignInLimits = { perClient: 5, overall: 50, perClientUnderAttack: 1, concurrent: 8, windowMs: 15 * 60_000 };
export const signInSchema = z.object({ password: z.string({ error: 'password is required' }).min(1, 'password is required').max(1_024) });

/**
 * `POST /v1/admin/session` signs in with the admin credential, `GET` tells the console whether it
 * is signed in (and its CSRF token after a reload), `DELETE` signs out. Registered before the admin
 * auth middleware, so these answer without a session.
 */
export function adminSessionRoutes({ sessions, projects, clock, clientAddress }: AdminSessionDeps) {
  const app = new Hono<AppEnv>();
  const limiter = new SignInLimiter(SIGN_IN_LIMITS, clock);
  const projectList = projects.map(({ id, name }) => ({ id, name }));
  const noStore = (c: Context) => c.header('Cache-Control', 'no-store');

  app.post('/v1/admin/session', bodyLimit({ maxBytes: 4_096 }), async (c) => {
    noStore(c);
    if (!sessions.configured) {
      throw new HttpError(
        403,
        'admin_not_configured',
        'No admin credential is configured: set admin.passwordHash in the config or HEARTH_ADMIN_PASSWORD.',
      );
    }
    const { password } = parseJsonBody(c.var.body, signInSchema, {
      code: 'invalid_sign_in',
      message: 'Send {"password": "…"}; see issues.',
    });
    // Reserved before the (awaited) hash: concurrent guesses are counted while they are checked.
    const attempt = limiter.reserve(clientAddress(c));
    if ('wait' in attempt)
      throw retryLater(429, 'rate_limited', 'Too many sign-in attempts; retry after the delay in Retry-After.', attempt.wait);
    let matches = false;
    try {
      matches = await sessions.passwordMatches(password);
    } finally {
      if (matches) attempt.succeeded();
      else attempt.failed();
    }
    if (!matches) throw new HttpError(401, 'wrong_password', 'That password is not the admin credential.');
    return c.json({ signedIn: true, ...sessions.signIn(c), projects: projectList }, 201);
  });

  app.get('/v1/admin/session', (c) => {
    noStore(c);
    const claims = sessions.read(c);
    if (!claims) throw new HttpError(401, 'not_signed_in', 'Not signed in to the console.');
    return c.json({ signedIn: true, ...sessions.describe(claims), projects: projectList });
  });

  app.delete('/v1/admin/session', (c) => {
    const claims = sessions.read(c);
    // Signing out is state-changing too: a forged cross-site sign-out must not work either.
    if (claims && !sessions.csrfMatches(claims, c)) throw new HttpError(403, 'csrf_failed', 'Missing or wrong X-Hearth-CSRF header.');
    sessions.signOut(c, claims);
    return c.body(null, 204);
  });

  return app;
}
