import {
  pointsRequestSchema,
  redemptionFailureSchema,
  referralAttachSchema,
  serverEventsRequestSchema,
  trustedTraitsRequestSchema,
  MAX_EVENT_BYTES,
  type ProjectConfig,
  type RewardsConfig,
} from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { eventTimeIssues } from '../../domain/clock-skew.js';
import { payloadHash } from '../../crypto/payload-hash.js';
import type { AccountsService } from '../../services/accounts.js';
import type { RewardsEngine } from '../../services/rewards-engine.js';
import { expiryCutoff } from '../../domain/rewards/expiry.js';
import { rewardsKpis } from '../../kpi/rewards.js';
import type { RewardsStore } from '../../storage/rewards-store.js';
import type { Store } from '../../storage/store.js';
import type { NewEvent } from '../../domain/events.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { readKpiQuery } from '../kpi-query.js';
import { HttpError } from '../http-error.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';
import { parseJson, rewardsErrorHandler } from './rewards-errors.js';
import { secretKeyAuth } from './server-api-auth.js';

export interface ServerApiDeps {
  store: Store;
  /** Events' accounts, and the memberships a named account makes. */
  accountsService: AccountsService;
  rewards: RewardsStore;
  engine: RewardsEngine;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
}

/** Anonymous id of events the host's backend sends: they always name their user. */
export const SERVER_ANONYMOUS_ID = '$server';
const MAX_BODY_BYTES = 512 * 1024;

/**
 * `/v1/server/*`: what a host's backend calls with a secret key. Everything that changes a balance
 * lives here (or is derived from events sent here), because a browser event is a claim, not a fact.
 */
export function serverApiRoutes(deps: ServerApiDeps) {
  const { store, rewards, engine, clock } = deps;
  const app = new Hono<AppEnv>();
  app.onError(rewardsErrorHandler(deps.log));
  app.use('/v1/server/*', secretKeyAuth(deps.projects));
  app.on('POST', '/v1/server/*', bodyLimit({ maxBytes: MAX_BODY_BYTES }));
  const program = (project: ProjectConfig): RewardsConfig => {
    if (!project.rewards) throw new HttpError(404, 'rewards_not_configured', `Project ${project.id} has no rewards program.`);
    return project.rewards;
  };

  app.post('/v1/server/events', async (c) => {
    const { events } = parseJson(serverEventsRequestSchema, c.var.body);
    const now = clock();
    const projectId = c.var.project.id;
    const sent: NewEvent[] = events.map((event) => ({
      projectId,
      messageId: event.id,
      type: 'track',
      name: event.name,
      anonymousId: SERVER_ANONYMOUS_ID,
      userId: event.userId,
      timestamp: event.timestamp ? Date.parse(event.timestamp) : now,
      receivedAt: now,
      // Sent with the secret key: the host vouches for the user.
      verified: true,
      properties: event.properties ?? {},
      traits: null,
      context: null,
      payloadHash: payloadHash(event),
    }));
    const outOfBounds = eventTimeIssues(
      sent.map((row) => row.timestamp),
      now,
    );
    if (outOfBounds.length > 0) throw new HttpError(400, 'invalid_request', 'Some event times are out of bounds; see issues.', outOfBounds);
    const rows = await deps.accountsService.attachServer(
      projectId,
      sent,
      events.map((event) => event.accountId),
    );
    const result = await store.writeEvents(rows);
    const awards = await engine.onEvents(projectId, rows, 'server');
    return c.json({ ...result, awards });
  });

  app.post('/v1/server/points', async (c) => {
    const request = parseJson(pointsRequestSchema, c.var.body);
    const result = await rewards.append({
      projectId: c.var.project.id,
      id: request.idempotencyKey,
      userId: request.userId,
      amount: request.amount,
      reason: request.reason,
      ruleId: null,
      at: clock(),
    });
    return c.json(result, result.status === 'created' ? 201 : 200);
  });

  // Replaces the traits the backend vouches for; idempotent, so it may be called on every sign-in.
  app.put('/v1/server/users/:userId/traits', bodyLimit({ maxBytes: MAX_EVENT_BYTES }), async (c) => {
    const { traits } = parseJson(trustedTraitsRequestSchema, c.var.body);
    const userId = c.req.param('userId');
    await store.users.setTrustedTraits(c.var.project.id, userId, traits, clock());
    return c.json({ userId, traits });
  });

  app.get('/v1/server/users/:userId/balance', async (c) => {
    const userId = c.req.param('userId');
    return c.json({ userId, ...(await rewards.balance(c.var.project.id, userId)) });
  });

  app.get('/v1/server/users/:userId/ledger', async (c) => {
    const limit = Number(c.req.query('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1_000)
      throw new HttpError(400, 'invalid_limit', 'limit must be a whole number from 1 to 1000.', [
        { path: 'limit', message: 'expected 1–1000' },
      ]);
    const userId = c.req.param('userId');
    return c.json({ userId, entries: await rewards.entries(c.var.project.id, userId, limit) });
  });

  app.post('/v1/server/redemptions/:id/:outcome{fulfilled|failed}', async (c) => {
    const outcome = c.req.param('outcome') as 'fulfilled' | 'failed';
    const { reason } = c.var.body.trim() ? parseJson(redemptionFailureSchema, c.var.body) : { reason: undefined };
    return c.json(await rewards.settle(c.var.project.id, c.req.param('id'), outcome, clock(), reason));
  });

  app.post('/v1/server/referrals', async (c) => {
    program(c.var.project);
    const { userId, code } = parseJson(referralAttachSchema, c.var.body);
    return c.json(await rewards.attachReferral(c.var.project.id, code.toUpperCase(), userId, clock()), 201);
  });

  app.post('/v1/server/rewards/expire', async (c) => {
    const months = program(c.var.project).expiryMonths;
    if (months === undefined) throw new HttpError(400, 'expiry_not_configured', "This project's rewards program sets no expiryMonths.");
    const now = clock();
    return c.json({ expired: await rewards.expire(c.var.project.id, expiryCutoff(months, now), now) });
  });

  // The console reads the same figures with its session (or the secret key), under the admin path.
  app.use('/v1/admin/kpi/rewards', secretKey(deps.projects));
  app.get('/v1/admin/kpi/rewards', (c) => rewardsKpisAnswer(c));
  app.get('/v1/server/rewards/kpis', (c) => rewardsKpisAnswer(c));
  async function rewardsKpisAnswer(c: Context<AppEnv>) {
    const { range } = readKpiQuery(c, {}, clock());
    // `to` is exclusive; the default period also includes this very moment.
    const [from, to] = [range.from.getTime(), range.to.getTime() + (c.req.query('to') === undefined ? 1 : 0)];
    const projectId = c.var.project.id;
    const kpis = rewardsKpis(await rewards.activity(projectId, from, to), program(c.var.project).tiers, { from, to });
    return c.json({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...kpis });
  }

  return app;
}
