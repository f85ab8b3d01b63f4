import { describe, expect } from 'vitest';
import { T0, newEvent } from '../../test-support/events.js';
import type { Store } from '../store.js';
import { seedPerson } from '../users/seed-person.js';
import { storeTest, type OpenStore } from './harness.js';

const WHOLE_RANGE = [T0 - 86_400_000, T0 + 86_400_000] as const;

/** Everything the Store API can say about a user, for before/after comparisons. */
async function footprint(store: Store, projectId: string, userId: string, anonymousId: string) {
  return {
    user: await store.getUser(projectId, userId),
    events: await store.listEvents(projectId, { userId }),
    anonymousEvents: await store.listEvents(projectId, { anonymousId }),
    responses: await store.users.responses(projectId, userId),
    anonymousResponse: await store.responses.get(projectId, 'csat', { anonymousId }, 1),
    balance: await store.rewards.balance(projectId, userId),
    entries: await store.rewards.entries(projectId, userId),
    redemptions: await store.rewards.redemptions(projectId, userId),
    referrals: await store.users.referrals(projectId, userId),
    referredBy: await store.rewards.referralOf(projectId, userId),
  };
}

/** Finding users by id prefix or trait, and erasing one (privacy) without touching anyone else. */
export function usersConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('users', () => {
    withStore('finds users by id prefix and by trait, a page at a time', async (store, projectId) => {
      const identify = (userId: string, traits: Record<string, string | number | boolean>) =>
        newEvent({ projectId, type: 'identify', name: null, userId, anonymousId: `a-${userId}`, traits });
      await store.writeEvents([
        identify('usr_ada', { plan: 'pro', seats: 4, admin: true }),
        identify('usr_alan', { plan: 'free', seats: 1, admin: false }),
        identify('usr_max', { plan: 'pro', 'plan "tier"': 'x' }),
        identify('USR_upper', { plan: 'pro' }),
      ]);
      const ids = async (query: Parameters<Store['users']['search']>[1]) =>
        (await store.users.search(projectId, query)).users.map((u) => u.userId);
      expect(await ids({ idPrefix: 'usr_a', limit: 10 })).toEqual(['usr_ada', 'usr_alan']);
      expect(await ids({ trait: { key: 'plan', value: 'pro' }, limit: 10 })).toEqual(['USR_upper', 'usr_ada', 'usr_max']);
      expect(await ids({ trait: { key: 'seats', value: '4' }, limit: 10 })).toEqual(['usr_ada']);
      expect(await ids({ trait: { key: 'admin', value: 'false' }, limit: 10 })).toEqual(['usr_alan']);
      expect(await ids({ trait: { key: 'plan "tier"', value: 'x' }, limit: 10 })).toEqual(['usr_max']);
      expect(await ids({ idPrefix: 'usr_', trait: { key: 'plan', value: 'pro' }, limit: 10 })).toEqual(['usr_ada', 'usr_max']);
      const first = await store.users.search(projectId, { idPrefix: 'usr', limit: 2 });
      expect(first).toMatchObject({
        users: [{ userId: 'usr_ada', traits: { plan: 'pro', seats: 4, admin: true } }, { userId: 'usr_alan' }],
        nextAfter: 'usr_alan',
      });
      expect(await store.users.search(projectId, { idPrefix: 'usr', limit: 2, after: 'usr_alan' })).toMatchObject({
        users: [{ userId: 'usr_max' }],
        nextAfter: null,
      });
      expect(await ids({ idPrefix: 'usr_ada', limit: 10 })).toEqual(['usr_ada']);
      expect((await store.users.search(`${projectId}-other`, { limit: 10 })).users).toEqual([]);
    });

    withStore('lists the event names and trait keys received, most used events first', async (store, projectId) => {
      const track = (name: string, userId: string) => newEvent({ projectId, name, userId, anonymousId: `a-${userId}` });
      await store.writeEvents([
        track('report_exported', 'usr_ada'),
        track('report_exported', 'usr_alan'),
        track('report_exported', 'usr_ada'),
        track('Project Created', 'usr_ada'),
        track('project_created', 'usr_alan'),
        track('project_created', 'usr_ada'),
        track('invite_sent', 'usr_ada'),
        newEvent({ projectId, type: 'page', name: null, userId: 'usr_ada', anonymousId: 'a-usr_ada' }),
        newEvent({
          projectId,
          type: 'identify',
          name: null,
          userId: 'usr_ada',
          anonymousId: 'a-usr_ada',
          traits: { plan: 'pro', role: 'admin' },
        }),
        newEvent({ projectId, type: 'identify', name: null, userId: 'usr_alan', anonymousId: 'a-usr_alan', traits: { Seats: 3 } }),
        newEvent({ projectId: `${projectId}-other`, name: 'elsewhere', userId: 'usr_x', anonymousId: 'a-usr_x' }),
      ]);
      // Account traits: their own keys, from this project's accounts only.
      await store.accounts.setTraits(projectId, 'acme', { plan: 'pro', seats: 10 }, T0);
      await store.accounts.setTraits(projectId, 'globex', { Region: 'eu', plan: 'trial' }, T0 + 1);
      await store.accounts.setTraits(`${projectId}-other`, 'initech', { secret: true }, T0);
      expect(await store.users.vocabulary(projectId, 10)).toEqual({
        events: ['report_exported', 'project_created', 'Project Created', 'invite_sent'],
        traits: ['Seats', 'plan', 'role'],
        accountTraits: ['Region', 'plan', 'seats'],
      });
      expect(await store.users.vocabulary(projectId, 2)).toEqual({
        events: ['report_exported', 'project_created'],
        traits: ['Seats', 'plan'],
        accountTraits: ['Region', 'plan'],
      });
      expect(await store.users.vocabulary(`${projectId}-none`, 10)).toEqual({ events: [], traits: [], accountTraits: [] });
    });

    withStore('reads the newest events first, up to the limit', async (store, projectId) => {
      await store.writeEvents([1, 3, 2].map((n) => newEvent({ projectId, userId: 'u1', name: `e${n}`, timestamp: T0 + n })));
      expect((await store.users.recentEvents(projectId, 'u1', 2)).map((e) => e.name)).toEqual(['e3', 'e2']);
    });

    withStore('erases a person everywhere, keeps the ledger totals, leaves others alone, and is idempotent', async (store, projectId) => {
      const person = await seedPerson(store, projectId, 'gone', 'stays');
      const bystander = await seedPerson(store, projectId, 'stays-too', 'friend');
      const before = await store.rewards.activity(projectId, ...WHOLE_RANGE);
      const bystanderBefore = await footprint(store, projectId, bystander.userId, bystander.anonymousId);
      expect((await footprint(store, projectId, person.userId, person.anonymousId)).events).toHaveLength(3);

      const counts = await store.users.erase(projectId, person.userId);
      expect(counts).toEqual({
        events: 3,
        identities: 1,
        users: 2, // the profile and the checklist holdout group
        surveyResponses: 2,
        referralCodes: 1,
        accountMemberships: 1,
        rewardEntriesAnonymised: 3,
        rewardRedemptionsAnonymised: 1,
        rewardBalancesAnonymised: 1,
        referralsAnonymised: 2,
      });
      expect(await footprint(store, projectId, person.userId, person.anonymousId)).toEqual({
        user: null,
        events: [],
        anonymousEvents: [],
        responses: [],
        anonymousResponse: null,
        balance: { balance: 0, lifetime: 0 },
        entries: [],
        redemptions: [],
        referrals: { code: null, referredBy: null, referred: [] },
        referredBy: null,
      });
      expect((await store.users.search(projectId, { idPrefix: 'gone', limit: 10 })).users).toEqual([]);
      expect(await store.prompts.assignments(projectId, person.userId)).toEqual(new Map());
      expect(await store.prompts.assignments(projectId, bystander.userId)).toEqual(new Map([['onboarding', 'control']]));
      expect(await footprint(store, projectId, bystander.userId, bystander.anonymousId)).toEqual(bystanderBefore);
      // The person's referee keeps being "already referred", by someone who no longer has a name.
      expect((await store.rewards.referralOf(projectId, 'stays'))?.referrerUserId).toMatch(/^deleted_/);

      // Points issued / redeemed / refunded keep their totals and kinds; no row names the person.
      const after = await store.rewards.activity(projectId, ...WHOLE_RANGE);
      const totals = (activity: typeof before) => activity.entries.map((e) => `${e.id.split(':')[0]}:${e.amount}`).sort();
      expect(totals(after)).toEqual(totals(before));
      expect(new Set(after.entries.map((e) => e.userId)).size).toBe(new Set(before.entries.map((e) => e.userId)).size);
      expect(JSON.stringify(after)).not.toContain(person.userId);
      for (const secret of person.secrets) expect(JSON.stringify(after)).not.toContain(secret);
      expect(after.redemptions.find((r) => r.userId.startsWith('deleted_'))).toMatchObject({
        status: 'failed',
        failureReason: null,
        cost: 30,
      });

      expect(await store.users.erase(projectId, person.userId)).toEqual({
        events: 0,
        identities: 0,
        users: 0,
        surveyResponses: 0,
        referralCodes: 0,
        accountMemberships: 0,
        rewardEntriesAnonymised: 0,
        rewardRedemptionsAnonymised: 0,
        rewardBalancesAnonymised: 0,
        referralsAnonymised: 0,
      });
    });
  });
}
