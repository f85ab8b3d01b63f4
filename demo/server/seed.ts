import type { Store } from '@hearth/collector';
import { createHearthClient, mintUserToken } from '@hearth/node';
import type { BatchResult, ProjectConfig } from '@hearth/schema';
import { SEED_USER_COUNT, buildSeedPlan, seedUserId, type SeedPlan, type SeedRedemption } from './seed-data.js';
import { seedAccountsAndRevenue } from './seed-revenue.js';
import type { ServerEvent } from './seed-timeline.js';
import type { SeedUser } from './seed-users.js';

export type SeedOptions = {
  collectorUrl: string;
  project: ProjectConfig;
  secret: string;
  /** The collector's store: to tell whether seeding already ran, and to write past survey answers. */
  store: Store;
  now?: Date;
};

export type SeedSummary = BatchResult & {
  skipped: boolean;
  users: number;
  responses: number;
  redemptions: number;
  /** Companies with members and plans, and the revenue facts sent for them (server API and Stripe). */
  accounts: number;
  revenueFacts: number;
};

type StoredResponse = Parameters<Store['responses']['insert']>[1];

/** Requests in flight at once: enough to keep the collector busy, few enough to stay polite. */
const CONCURRENCY = 6;
const MAX_ATTEMPTS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A request through the collector's public routes, which rate-limit per client (`rateLimit` in the
 * config, 50 requests/s by default): on 429 it waits the `Retry-After` it is told, like the widget,
 * and so on 503 when a busy machine makes the collector shed load.
 */
async function send(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, init);
    if ((response.status !== 429 && response.status !== 503) || attempt >= MAX_ATTEMPTS) return response;
    await response.body?.cancel();
    await sleep(Number(response.headers.get('Retry-After') ?? 1) * 1000);
  }
}

async function ensureOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`seeding: ${what} failed: ${response.status} ${await response.text()}`);
  return response;
}

/** Runs `task` over `items`, `lanes` at a time. */
async function inLanes<T>(items: readonly T[], task: (item: T) => Promise<void>, lanes = CONCURRENCY): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * Seeds the demo history (seed-data.ts) through the interfaces a real deployment uses:
 * - browsers' `POST /v1/batch`, one verified user per batch, `sentAt` = now so clock-skew
 *   correction keeps the past timestamps;
 * - the backend's `POST /v1/server/events` (secret key) for Project Created, as the demo app does;
 * - `GET /v1/state` for users seen this week, as their widget would: it pays checklist points;
 * - then `POST /v1/rewards/redeem` for a few redemptions (the demo app's fulfilment webhook ships them);
 * - then accounts and their revenue (seed-revenue.ts): server API and signed Stripe webhooks.
 * Survey answers go straight to `store.responses`: `POST /v1/responses` stamps the answer with the
 * collector's clock (a browser cannot backdate an answer), which would pile 90 days of answers
 * onto today and leave the NPS trend empty.
 * MessageIds and request ids are fixed, so nothing is stored twice; and a store that already has
 * the first seeded user is left alone, since timestamps move with "now" and would otherwise come
 * back as conflicts.
 */
export async function seedDemoData({ collectorUrl, project, secret, store, now = new Date() }: SeedOptions): Promise<SeedSummary> {
  const summary: SeedSummary = {
    accepted: 0,
    duplicates: 0,
    conflicts: 0,
    skipped: false,
    users: SEED_USER_COUNT,
    responses: 0,
    redemptions: 0,
    accounts: 0,
    revenueFacts: 0,
  };
  if ((await store.listEvents(project.id, { userId: seedUserId(0) })).length > 0) return { ...summary, skipped: true };
  const plan = buildSeedPlan(now, project);
  const key = `key=${encodeURIComponent(project.publicKey)}`;
  const count = (result: BatchResult) => {
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
    summary.conflicts += result.conflicts;
  };
  const recent = new Set(plan.recentUserIds);
  const tokens = new Map(plan.users.map((user) => [user.id, mintUserToken(user.id, { secretKey: secret })] as const));

  /** One user's browser: their batches, then (if seen this week) a state refresh. */
  const browse = async (user: SeedUser) => {
    const userToken = tokens.get(user.id)!;
    for (const { events } of plan.batches.filter((batch) => batch.user === user)) {
      const body = JSON.stringify({ sentAt: new Date().toISOString(), userToken, events });
      count(
        await (
          await ensureOk(
            await send(`${collectorUrl}/v1/batch?${key}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body }),
            `batch of ${user.id}`,
          )
        ).json(),
      );
    }
    if (!recent.has(user.id)) return;
    const query = new URLSearchParams({ anonymousId: user.anonymousId, userId: user.id, userToken, locale: user.traits.locale });
    await (await ensureOk(await send(`${collectorUrl}/v1/state?${key}&${query}`), `state of ${user.id}`)).body?.cancel();
  };
  /** After every award: whether a user can afford it never depends on which request finished first. */
  const redeem = async (redemption: SeedRedemption) => {
    const body = JSON.stringify({ ...redemption, userToken: tokens.get(redemption.userId) });
    const response = await send(`${collectorUrl}/v1/rewards/redeem?${key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body,
    });
    // 409: not enough points after all (the rules decide, not the generator); that user keeps them.
    if (response.status === 409) return void (await response.body?.cancel());
    await ensureOk(response, `redemption of ${redemption.userId}`);
    summary.redemptions++;
  };
  /**
   * Acme's backend: Project Created confirmed with the secret key (no rate limit there). Two lanes
   * and a long timeout: every event pays its rule in its own transaction, slow on a busy PostgreSQL.
   */
  const hearth = createHearthClient({ baseUrl: collectorUrl, secretKey: secret, ky: { timeout: 120_000 } });
  const backend = (events: ServerEvent[]) => hearth.sendEvents(events).then(count);
  // Browsers wait out the per-client rate limit now and then; the backend's requests fill those pauses.
  await Promise.all([
    inLanes(plan.users, browse),
    inLanes(plan.serverEvents, backend, 2),
    writeResponses(store, project.id, plan).then((written) => (summary.responses = written)),
  ]);
  await inLanes(plan.redemptions, redeem);
  const { accounts, facts } = await seedAccountsAndRevenue(collectorUrl, secret, now);
  return { ...summary, accounts, revenueFacts: facts };
}

/** The NPS answers with their real answer times (first cycle: the survey re-asks only after 90 days). */
async function writeResponses(store: Store, projectId: string, plan: SeedPlan): Promise<number> {
  let written = 0;
  for (const { surveyId, userId, score, comment, locale, traits, answeredAt } of plan.responses) {
    const record: StoredResponse = {
      surveyId,
      userId,
      anonymous: false,
      cycle: 1,
      answer: { type: 'nps', score },
      comment,
      traits,
      locale,
      answeredAt,
      updatedAt: answeredAt,
    };
    if (await store.responses.insert(projectId, record)) written++;
  }
  return written;
}
