import type { RewardsConfigInput } from '@hearth/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../domain/time.js';
import { openPostgresStore } from '../storage/postgres/postgres-store.js';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import type { Store } from '../storage/store.js';
import { NOW, ORIGIN, PUBLIC_KEY, SECRET, pageToken } from '../test-support/http.js';
import { scratchDatabase } from '../test-support/postgres-database.js';
import { admin, checklistInput, getState, identify, promptApp, stateIds, track } from '../test-support/prompts.js';
import { npsInput, nps, respond, surveyApp } from '../test-support/surveys.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';

/**
 * What a browser holding only the public key can do to another person, through the real routes,
 * on both stores: it can never act as them, read their data, or make the server pay them points.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const STORES: Record<string, () => Promise<Store>> = {
  sqlite: async () => openSqliteStore(':memory:'),
  postgres: async () => {
    const scratch = scratchDatabase('hearth_identity');
    await scratch.create();
    const store = await openPostgresStore(scratch.url);
    cleanups.push(async () => {
      await store.close();
      await scratch.drop();
    });
    return store;
  },
};

const WEBHOOK_SECRET = 'whsec_identity_boundaries_0001';
const range = `from=${new Date(NOW - 7 * DAY_MS).toISOString()}&to=${new Date(NOW + DAY_MS).toISOString()}`;
const nextPage = (app: Awaited<ReturnType<typeof promptApp>>['app'], params: Record<string, string>) =>
  app.request(`/v1/announcements?${new URLSearchParams({ key: PUBLIC_KEY, ...params })}`, { headers: { Origin: ORIGIN } });

describe.each(Object.keys(STORES))('identity boundaries (%s)', (kind) => {
  const open = STORES[kind]!;

  it('an anonymous id equal to a user id never reads, replaces or answers for that user', async () => {
    const hook = await webhookReceiver();
    cleanups.push(async () => void hook.close());
    const { app, store } = await surveyApp(
      [npsInput()],
      { webhooks: [{ url: hook.url, secrets: [WEBHOOK_SECRET], surveyResponses: 'all' }], allowPrivateWebhookTargets: true },
      await open(),
    );
    // Before the victim answers, a visitor under the victim's id sees what any new visitor sees.
    const unanswered = await stateIds(app, { anonymousId: 'victim' });
    await identify(app, 'victim');
    expect((await respond(app, { userId: 'victim', anonymousId: 'anon-victim', answer: nps(9), comment: 'great' })).status).toBe(200);

    // No oracle: what /v1/state shows that id does not change when the victim answers.
    expect(await stateIds(app, { anonymousId: 'victim' })).toEqual(unanswered);
    // A token-less answer under the victim's id is the caller's own anonymous answer, whatever the score.
    const forged = await respond(app, { anonymousId: 'victim', answer: nps(0), comment: 'hacked' });
    expect(await forged.json()).toEqual({ outcome: 'created', cycle: 1 });
    expect(await store.responses.get('acme', 'nps', { userId: 'victim' }, 1)).toMatchObject({ answer: nps(9), comment: 'great' });
    // Naming the user without a token is refused, on every per-user route.
    expect(
      (await respond(app, { userId: 'victim', userToken: undefined, anonymousId: 'x', answer: nps(9), comment: 'hacked' })).status,
    ).toBe(401);
    expect((await getState(app, { anonymousId: 'x', userId: 'victim', userToken: '' })).status).toBe(401);
    expect((await nextPage(app, { anonymousId: 'x', userId: 'victim' })).status).toBe(401);
    expect((await store.responses.get('acme', 'nps', { userId: 'victim' }, 1))?.comment).toBe('great');

    // The forged detractor reaches the webhook as an anonymous answer, never in the victim's name.
    await expect.poll(() => hook.received.length).toBe(2);
    const bodies = hook.received.map(
      (delivery) => JSON.parse(delivery.body) as { data: { userId: string | null; anonymousId?: string; answer: { score: number } } },
    );
    expect(bodies.map((body) => [body.data.userId, body.data.anonymousId ?? null, body.data.answer.score]).sort()).toEqual(
      [
        [null, 'victim', 0],
        ['victim', null, 9],
      ].sort(),
    );
  });

  it('one person answers one cycle once: an answer before sign-in and one after are one (NPS −100, not 0)', async () => {
    const { app, clock } = await surveyApp([npsInput()], {}, await open());
    clock.now = NOW - 3_600_000;
    // Ada answers before signing in, then again after identify: the cycle follows the identify link.
    expect((await respond(app, { anonymousId: 'anon-ada', answer: nps(2) })).status).toBe(200);
    await identify(app, 'ada');
    const again = await respond(app, { userId: 'ada', anonymousId: 'anon-ada', answer: nps(10) });
    expect(again.status).toBe(409);
    // Bob's second answer comes before his identify reaches the collector: the answer itself links.
    expect((await respond(app, { anonymousId: 'anon-bob', answer: nps(1) })).status).toBe(200);
    expect((await respond(app, { userId: 'bob', anonymousId: 'anon-bob', answer: nps(9) })).status).toBe(409);
    expect(await stateIds(app, { anonymousId: 'anon-ada', userId: 'ada' })).not.toContain('nps');

    clock.now = NOW;
    const kpi = (await (await admin(app, 'GET', `/v1/admin/kpi/surveys/nps?${range}`)).json()) as { nps: { count: number; score: number } };
    expect(kpi.nps).toMatchObject({ count: 2, score: -100 });
  });

  it("anonymous events sent under a linked anonymous id after identify do not become the user's", async () => {
    const { app } = await promptApp([checklistInput('onboarding', { events: ['Project Created'] })], {}, await open());
    await track(app, null, 'Page Viewed', { anonymousId: 'anon-ada' });
    await identify(app, 'ada');
    // Someone who learnt Ada's anonymous id, without her token.
    await track(app, null, 'Project Created', { anonymousId: 'anon-ada' });
    await identify(app, 'ada');
    const state = (await (await getState(app, { anonymousId: 'anon-ada', userId: 'ada' })).json()) as {
      prompts: { id: string; items: { done: boolean }[] }[];
    };
    expect(state.prompts.find((prompt) => prompt.id === 'onboarding')?.items.map((item) => item.done)).toEqual([false]);
  });

  it("events nobody proved pay no points on the user's next verified visit", async () => {
    const program: RewardsConfigInput = {
      rules: [{ id: 'step', title: 'Onboarding step', on: { type: 'checklistItem', checklistId: 'onboarding' }, points: 100 }],
      tiers: [{ id: 'bronze', name: 'Bronze', minPoints: 0 }],
    };
    const checklist = checklistInput('onboarding', { events: ['Project Created', 'Report Exported'] });
    // A project that opted out of enforcement accepts token-less events in the victim's name…
    const optedOut = await promptApp([checklist], { rewards: program, identityVerification: { enforce: false } }, await open());
    await track(optedOut.app, 'victim', 'Project Created', {}, { userToken: undefined });
    await track(optedOut.app, 'victim', 'Report Exported', {}, { userToken: undefined });
    const visit = (await (await getState(optedOut.app, { anonymousId: 'anon-victim', userId: 'victim' })).json()) as {
      rewards?: { balance: number };
    };
    expect(visit.rewards?.balance).toBe(0);
    expect(await optedOut.store.rewards.balance('acme', 'victim')).toEqual({ balance: 0, lifetime: 0 });

    // …and on an enforcing project, anonymous events under the victim's linked anonymous id.
    const enforcing = await promptApp([checklist], { rewards: program }, await open());
    await identify(enforcing.app, 'victim');
    await track(enforcing.app, null, 'Project Created', { anonymousId: 'anon-victim' });
    await track(enforcing.app, null, 'Report Exported', { anonymousId: 'anon-victim' });
    await getState(enforcing.app, { anonymousId: 'anon-victim', userId: 'victim' });
    expect(await enforcing.store.rewards.balance('acme', 'victim')).toEqual({ balance: 0, lifetime: 0 });
    // The user's own verified events still pay.
    await track(enforcing.app, 'victim', 'Project Created');
    await getState(enforcing.app, { anonymousId: 'anon-victim', userId: 'victim' });
    expect((await enforcing.store.rewards.balance('acme', 'victim')).balance).toBe(100);
  });

  it("a trait the browser sent itself never unlocks a catalog item; the backend's trusted trait does", async () => {
    const program: RewardsConfigInput = {
      rules: [],
      tiers: [{ id: 'bronze', name: 'Bronze', minPoints: 0 }],
      catalog: [{ id: 'pro-mug', name: 'Pro mug', cost: 10, audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' } }],
    };
    const { app } = await promptApp([], { rewards: program }, await open());
    await identify(app, 'max', { plan: 'pro' });
    expect(
      (
        await admin(app, 'POST', '/v1/server/points', {
          body: { idempotencyKey: 'welcome', userId: 'max', amount: 100, reason: 'Welcome' },
        })
      ).status,
    ).toBe(201);
    const redeem = async (requestId: string) =>
      app.request(`/v1/rewards/redeem?key=${PUBLIC_KEY}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN },
        body: JSON.stringify({ userId: 'max', userToken: await pageToken('max'), itemId: 'pro-mug', requestId }),
      });
    expect((await redeem('r1')).status).toBe(404);
    // Only the secret key sets trusted traits.
    const put = (key: string) => admin(app, 'PUT', '/v1/server/users/max/traits', { key, body: { traits: { plan: 'pro' } } });
    expect((await put(PUBLIC_KEY)).status).toBe(403);
    expect((await put(SECRET)).status).toBe(200);
    expect((await redeem('r2')).status).toBe(201);
  });
});
