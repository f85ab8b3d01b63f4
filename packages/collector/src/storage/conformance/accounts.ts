import { describe, expect } from 'vitest';
import { T0, newEvent } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

const DAY = 86_400_000;

/** Accounts, memberships, events carrying their account, and the rows the account KPIs fold. */
export function accountsConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('accounts', () => {
    withStore('merges traits key by key and ignores older ones', async (store, projectId) => {
      await store.accounts.setTraits(projectId, 'acme', { plan: 'trial', seats: 3 }, T0);
      await store.accounts.setTraits(projectId, 'acme', { plan: 'pro' }, T0 + 10);
      await store.accounts.setTraits(projectId, 'acme', { plan: 'free', seats: 99 }, T0 + 5);
      const account = await store.accounts.get(projectId, 'acme');
      expect(account).toMatchObject({
        accountId: 'acme',
        traits: { plan: 'pro', seats: 3 },
        members: 0,
        memberList: [],
        lastActiveAt: null,
      });
      expect(account?.createdAt).toBe(new Date(T0).toISOString());
      expect(await store.accounts.get(projectId, 'nobody')).toBeNull();
    });

    withStore('keeps the earliest join and the latest activation; a user may be in several accounts', async (store, projectId) => {
      await store.accounts.addMember(projectId, 'acme', 'ada', { joinedAt: T0 + 100, activeAt: T0 + 100 });
      await store.accounts.addMember(projectId, 'acme', 'ada', { joinedAt: T0, activeAt: T0 + 50 });
      await store.accounts.addMember(projectId, 'globex', 'ada', { joinedAt: T0 + 200, activeAt: T0 + 200 });
      await store.accounts.addMember(projectId, 'acme', 'max', { joinedAt: T0 + 300, activeAt: T0 + 300 });
      expect((await store.accounts.accountsOf(projectId, 'ada')).map((a) => a.accountId)).toEqual(['globex', 'acme']);
      const acme = await store.accounts.get(projectId, 'acme');
      expect(acme?.memberList.map((m) => [m.userId, m.joinedAt])).toEqual([
        ['ada', new Date(T0).toISOString()],
        ['max', new Date(T0 + 300).toISOString()],
      ]);
      expect(await store.accounts.removeMember(projectId, 'acme', 'max')).toBe(true);
      expect(await store.accounts.removeMember(projectId, 'acme', 'max')).toBe(false);
      const page = await store.accounts.list(projectId, { limit: 1 });
      expect(page).toMatchObject({ accounts: [{ accountId: 'acme', members: 1 }], nextAfter: 'acme' });
      expect((await store.accounts.list(projectId, { limit: 1, after: 'acme' })).accounts.map((a) => a.accountId)).toEqual(['globex']);
      expect((await store.accounts.list(projectId, { limit: 5, idPrefix: 'glo' })).accounts.map((a) => a.accountId)).toEqual(['globex']);
    });

    withStore('gives events that ask for it the active account at their time, read in the write transaction', async (store, projectId) => {
      await store.accounts.addMember(projectId, 'acme', 'ada', { joinedAt: T0, activeAt: T0 + 100 });
      await store.accounts.addMember(projectId, 'globex', 'ada', { joinedAt: T0 + 200, activeAt: T0 + 200 });
      await store.accounts.addMember(projectId, 'initech', 'max', { joinedAt: T0, activeAt: T0 });
      await store.accounts.addMember(projectId, 'hooli', 'max', { joinedAt: T0, activeAt: T0 });
      const event = (userId: string | null, at: number, accountId?: string | null) =>
        newEvent({
          projectId,
          userId,
          anonymousId: `a-${userId}`,
          timestamp: at,
          activeAccount: true,
          ...(accountId !== undefined ? { accountId } : {}),
        });
      // Two requests in one call, as a group commit hands them over: one read serves both.
      await Promise.all([
        store.writeEvents([event('ada', T0 + 50), event('ada', T0 + 150), event('ada', T0 + 250, 'ignored')]),
        store.writeEvents([event('max', T0 + 1), event('eve', T0 + 1), event(null, T0 + 1)]),
      ]);
      const stored = await store.listEvents(projectId);
      // Older than every activation: none; then acme; then globex (the flag wins over accountId);
      // max's two accounts were activated at the same instant: the smaller id; eve is in no account.
      expect(stored.map((e) => `${e.userId}+${Date.parse(e.timestamp) - T0}:${e.accountId}`).sort()).toEqual([
        'ada+150:acme',
        'ada+250:globex',
        'ada+50:null',
        'eve+1:null',
        'max+1:hooli',
        'null+1:null',
      ]);
    });

    withStore('stores each event with its account and reads activity per account and day', async (store, projectId) => {
      const event = (userId: string, accountId: string | null, at: number) =>
        newEvent({ projectId, userId, anonymousId: `a-${userId}`, accountId, timestamp: at });
      await store.writeEvents([
        event('ada', 'acme', T0),
        event('max', 'acme', T0 + 1_000),
        event('ada', 'acme', T0 + 2_000),
        event('ada', 'acme', T0 + DAY),
        event('eve', 'globex', T0 + 3_000),
        event('solo', null, T0 + 4_000),
      ]);
      expect((await store.listEvents(projectId, { userId: 'ada' })).map((e) => e.accountId)).toEqual(['acme', 'acme', 'acme']);
      const range = (from: number, to: number) => ({ from: new Date(from), to: new Date(to) });
      expect(await store.accounts.activeAccountCounts(projectId, range(T0, T0 + 2 * DAY))).toEqual([
        { period: 'day', index: 0, accounts: 2 },
        { period: 'day', index: 1, accounts: 1 },
        { period: 'week', index: 0, accounts: 2 },
        { period: 'month', index: 0, accounts: 2 },
      ]);
      // The end is exclusive: acme's second day starts at T0 + 1 day.
      expect(await store.accounts.activeAccountCounts(projectId, range(T0 + 1, T0 + DAY))).toContainEqual({
        period: 'day',
        index: 0,
        accounts: 2,
      });
      expect(await store.accounts.activeAccountCounts(projectId, range(T0 + 10 * DAY, T0 + 11 * DAY))).toEqual([]);
    });

    withStore('counts members active since a time, from their last activity anywhere', async (store, projectId) => {
      await store.writeEvents([
        newEvent({ projectId, userId: 'ada', anonymousId: 'a-ada', timestamp: T0 }),
        newEvent({ projectId, userId: 'max', anonymousId: 'a-max', timestamp: T0 - 10 * DAY }),
      ]);
      for (const userId of ['ada', 'max', 'never-seen'])
        await store.accounts.addMember(projectId, 'acme', userId, { joinedAt: T0 - 20 * DAY, activeAt: T0 });
      expect(await store.accounts.activeMembers(projectId, 'acme', T0 - 7 * DAY)).toBe(1);
      expect(await store.accounts.activeMembers(projectId, 'acme', T0 - 30 * DAY)).toBe(2);
      expect((await store.accounts.get(projectId, 'acme'))?.lastActiveAt).toBe(new Date(T0).toISOString());
      expect(await store.accounts.createdAt(projectId, T0)).toEqual([{ accountId: 'acme', createdAt: T0 - 20 * DAY }]);
      expect(await store.accounts.createdAt(projectId, T0 - 20 * DAY)).toEqual([]);
    });
  });
}
