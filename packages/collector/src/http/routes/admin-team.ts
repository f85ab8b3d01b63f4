import { inviteAcceptSchema, inviteInputSchema, invitePeekSchema, memberRoleSchema } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ConsoleTeam } from '../../services/console-team.js';
import type { RequestLimiter } from '../../services/request-limiter.js';
import type { AppEnv } from '../app-env.js';
import { HttpError, retryLater } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import type { AdminSessions } from '../middleware/admin-auth-sessions.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { teamErrors } from './team-errors.js';

export interface AdminTeamDeps {
  sessions: AdminSessions;
  team: ConsoleTeam;
  /** Counts invitation-link lookups per client and new invitations per person, on every collector. */
  limiter: RequestLimiter;
  clientAddress: (c: Context) => string;
  /** Where invitation links point; the request's own origin when absent. */
  publicUrl: string | undefined;
}

const small = bodyLimit({ maxBytes: 4_096 });
const INVALID = { code: 'invalid_request', message: 'The request is not valid; see issues.' };

/** People are managed by people: a secret key cannot invite, change roles or revoke sessions. */
const consoleOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('adminSession')) {
    throw new HttpError(401, 'console_session_required', 'Members, invitations and sessions are managed from a console session.');
  }
  await next();
});

/** Refuses the request with 429 once `key` made its share of requests in the limiter's window. */
const limitedBy = (limiter: RequestLimiter, key: (c: Context<AppEnv>) => string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const wait = await limiter.take(key(c));
    if (wait > 0) throw retryLater(429, 'rate_limited', 'Too many invitation requests; retry after the delay in Retry-After.', wait);
    await next();
  });

/**
 * The invitation link: the token rides in the fragment, which browsers never send to a server, so
 * it stays out of access logs and Referer headers.
 */
function inviteLink(c: Context, publicUrl: string | undefined, token: string): string {
  const base = publicUrl ?? `${new URL(c.req.url).origin}/`;
  return `${base}admin/invite#${token}`;
}

/**
 * Accepting an invitation: registered before the admin auth middleware (the person has no session
 * yet). The token travels in the body, never the URL.
 */
export function inviteAcceptRoutes({ sessions, team, limiter, clientAddress }: Omit<AdminTeamDeps, 'publicUrl'>) {
  const app = new Hono<AppEnv>();
  app.use(
    '/v1/admin/invites/*',
    limitedBy(limiter, (c) => `invite-link ${clientAddress(c)}`),
  );
  app.post('/v1/admin/invites/peek', small, async (c) => {
    c.header('Cache-Control', 'no-store');
    const { token } = parseJsonBody(c.var.body, invitePeekSchema, INVALID);
    return c.json(await teamErrors(() => team.offer(token)));
  });
  app.post('/v1/admin/invites/accept', small, async (c) => {
    c.header('Cache-Control', 'no-store');
    const input = parseJsonBody(c.var.body, inviteAcceptSchema, INVALID);
    const { account, created } = await teamErrors(() => team.accept(input));
    // A new account is signed in at once; an existing one signs in with its own password.
    if (!created) return c.json({ signedIn: false, email: account.email });
    const started = await sessions.signIn(c, account.id);
    const user = { id: account.id, email: account.email, name: account.name };
    return c.json({ signedIn: true, ...started, user, projects: await team.projectsOf(account.id) }, 201);
  });
  return app;
}

/** `/v1/admin/team/*`: the current project's members, invitations and sessions (owners change them). */
export function adminTeamRoutes({ team, limiter, publicUrl }: AdminTeamDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/team/*', consoleOnly);
  const actor = (c: Context<AppEnv>) => c.var.actor.name;

  app.get('/v1/admin/team/members', async (c) => c.json(await team.members(c.var.project.id)));
  app.patch('/v1/admin/team/members/:userId', small, async (c) => {
    const { role } = parseJsonBody(c.var.body, memberRoleSchema, INVALID);
    await teamErrors(() => team.setRole(c.var.project.id, c.req.param('userId'), role, actor(c)));
    return c.json(await team.members(c.var.project.id));
  });
  app.delete('/v1/admin/team/members/:userId', async (c) => {
    await teamErrors(() => team.setRole(c.var.project.id, c.req.param('userId'), null, actor(c)));
    return c.json(await team.members(c.var.project.id));
  });

  app.post(
    '/v1/admin/team/invites',
    limitedBy(limiter, (c) => `invite ${c.var.adminSession.account.id}`),
    small,
    async (c) => {
      const input = parseJsonBody(c.var.body, inviteInputSchema, INVALID);
      const { invite, token } = await team.invite(c.var.project.id, input, actor(c));
      c.header('Cache-Control', 'no-store');
      return c.json({ invite, link: inviteLink(c, publicUrl, token) }, 201);
    },
  );
  app.delete('/v1/admin/team/invites/:id', async (c) => {
    await teamErrors(() => team.withdrawInvite(c.var.project.id, c.req.param('id'), actor(c)));
    return c.body(null, 204);
  });

  app.get('/v1/admin/team/sessions', async (c) =>
    c.json({ sessions: await team.sessions(c.var.project.id, c.get('adminSession').session.id) }),
  );
  app.delete('/v1/admin/team/sessions/:id', async (c) => {
    await teamErrors(() => team.revokeSession(c.var.project.id, c.req.param('id'), actor(c)));
    return c.body(null, 204);
  });
  return app;
}
