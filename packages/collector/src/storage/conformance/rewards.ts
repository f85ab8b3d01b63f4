import { describe, expect } from 'vitest';
import { T0 } from '../../test-support/events.js';
import type { RewardsStore } from '../rewards-store.js';
import type { NewEntry } from '../../domain/rewards/ledger.js';
import { storeTest, type OpenStore } from './harness.js';

const DAY = 86_400_000;

/** The ledger guarantees: balances never negative or forged, keys applied once, races serialized per user. */
export function rewardsConformance(open: OpenStore): void {
  const withStore = (title: string, body: (rewards: RewardsStore, projectId: string) => Promise<void>) =>
    storeTest(open)(title, (store, projectId) => body(store.rewards, projectId));
  const entry = (projectId: string, overrides: Partial<NewEntry> = {}): NewEntry => ({
    projectId,
    id: `k-${Math.random().toString(36).slice(2)}`,
    userId: 'u1',
    amount: 100,
    reason: 'Welcome',
    ruleId: null,
    at: T0,
    ...overrides,
  });
  const codeOf = (error: unknown) => (error as { code?: string }).code;

  describe('rewards', () => {
    withStore('keeps the balance equal to the sum of entries and lists newest first', async (rewards, p) => {
      await rewards.append(entry(p, { id: 'a', amount: 100, at: T0 }));
      await rewards.append(entry(p, { id: 'b', amount: 50, at: T0 + 1 }));
      const debit = await rewards.append(entry(p, { id: 'c', amount: -30, reason: 'Correction', at: T0 + 2 }));
      expect(debit).toMatchObject({ status: 'created', balance: 120, lifetime: 150 });
      const list = await rewards.entries(p, 'u1');
      expect(list.map((e) => e.id)).toEqual(['c', 'b', 'a']);
      expect(list.reduce((sum, e) => sum + e.amount, 0)).toBe(120);
      expect(await rewards.balance(p, 'u1')).toEqual({ balance: 120, lifetime: 150 });
      expect(await rewards.balance(p, 'nobody')).toEqual({ balance: 0, lifetime: 0 });
    });

    withStore('answers a repeated key with the first result and refuses it with other parameters', async (rewards, p) => {
      const first = await rewards.append(entry(p, { id: 'grant-1' }));
      const again = await rewards.append(entry(p, { id: 'grant-1', at: T0 + 5_000 }));
      expect(again).toMatchObject({ status: 'duplicate', entry: first.entry, balance: 100 });
      await expect(rewards.append(entry(p, { id: 'grant-1', amount: 999 }))).rejects.toMatchObject({ code: 'idempotency_conflict' });
      await expect(rewards.append(entry(p, { id: 'grant-1', userId: 'u2' }))).rejects.toMatchObject({ code: 'idempotency_conflict' });
      expect(await rewards.entries(p, 'u1')).toHaveLength(1);
    });

    withStore('never lets a balance go below zero', async (rewards, p) => {
      await rewards.append(entry(p, { amount: 10 }));
      await expect(rewards.append(entry(p, { amount: -11 }))).rejects.toMatchObject({ code: 'insufficient_points' });
      expect(await rewards.balance(p, 'u1')).toEqual({ balance: 10, lifetime: 10 });
    });

    withStore('50 parallel awards with one key write one entry', async (rewards, p) => {
      const results = await Promise.all(Array.from({ length: 50 }, () => rewards.append(entry(p, { id: 'same-key', amount: 25 }))));
      expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(49);
      expect(await rewards.entries(p, 'u1')).toHaveLength(1);
      expect((await rewards.balance(p, 'u1')).balance).toBe(25);
    });

    withStore('one key raced by different users gives one entry and conflicts for the rest', async (rewards, p) => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => rewards.append(entry(p, { id: 'raced', userId: `u${i}` }))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => codeOf((o as PromiseRejectedResult).reason))).toEqual(
        Array(9).fill('idempotency_conflict'),
      );
    });

    withStore('50 parallel redemptions beyond the balance accept exactly the affordable ones', async (rewards, p) => {
      await rewards.append(entry(p, { amount: 500 }));
      const item = { id: 'mug', cost: 30 };
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => rewards.redeem({ projectId: p, id: `r${i}`, userId: 'u1', item, at: T0 })),
      );
      const accepted = outcomes.filter((o) => o.status === 'fulfilled');
      expect(accepted).toHaveLength(16);
      expect(
        outcomes.filter((o) => o.status === 'rejected').every((o) => codeOf((o as PromiseRejectedResult).reason) === 'insufficient_points'),
      ).toBe(true);
      expect(await rewards.balance(p, 'u1')).toEqual({ balance: 20, lifetime: 500 });
      expect(await rewards.redemptions(p, 'u1')).toHaveLength(16);
      expect((await rewards.entries(p, 'u1')).reduce((sum, e) => sum + e.amount, 0)).toBe(20);
    });

    withStore('earns within caps only, and a repeated event key is a duplicate, not a cap', async (rewards, p) => {
      const earn = (id: string, at: number, windows = [{ since: at - DAY, max: 2 }]) =>
        rewards.earn({ ...entry(p, { id, amount: 5, ruleId: 'daily', at }), ruleId: 'daily' }, { windows });
      expect((await earn('e1', T0)).status).toBe('created');
      expect((await earn('e2', T0 + 1)).status).toBe('created');
      expect((await earn('e1', T0 + 2)).status).toBe('duplicate');
      expect((await earn('e3', T0 + 3)).status).toBe('capped');
      expect((await earn('e4', T0 + DAY + 1)).status).toBe('created');
      expect(await rewards.ruleCounts(p, 'u1')).toEqual(new Map([['daily', 3]]));
    });

    withStore('redeems with stock and per-user limits, and a retried redemption once', async (rewards, p) => {
      for (const userId of ['u1', 'u2']) await rewards.append(entry(p, { userId, amount: 1_000 }));
      const item = { id: 'tee', cost: 100, stock: 2, perUserLimit: 1 };
      const first = await rewards.redeem({ projectId: p, id: 'r1', userId: 'u1', item, at: T0 });
      expect(first).toMatchObject({ status: 'created', balance: 900, redemption: { status: 'pending', itemId: 'tee', cost: 100 } });
      expect(await rewards.redeem({ projectId: p, id: 'r1', userId: 'u1', item, at: T0 + 9 })).toMatchObject({
        status: 'duplicate',
        balance: 900,
      });
      await expect(rewards.redeem({ projectId: p, id: 'r1', userId: 'u1', item: { ...item, id: 'cap' }, at: T0 })).rejects.toMatchObject({
        code: 'idempotency_conflict',
      });
      await expect(rewards.redeem({ projectId: p, id: 'r2', userId: 'u1', item, at: T0 })).rejects.toMatchObject({ code: 'limit_reached' });
      await rewards.redeem({ projectId: p, id: 'r3', userId: 'u2', item, at: T0 });
      await rewards.append(entry(p, { userId: 'u3', amount: 1_000 }));
      await expect(rewards.redeem({ projectId: p, id: 'r4', userId: 'u3', item, at: T0 })).rejects.toMatchObject({ code: 'out_of_stock' });
      expect(await rewards.itemUsage(p, 'u1')).toEqual({ total: new Map([['tee', 2]]), mine: new Map([['tee', 1]]) });
    });

    withStore('refunds a failed fulfilment once with a new entry; settled is final', async (rewards, p) => {
      await rewards.append(entry(p, { amount: 300 }));
      await rewards.redeem({ projectId: p, id: 'r1', userId: 'u1', item: { id: 'mug', cost: 120 }, at: T0 });
      const failed = await rewards.settle(p, 'r1', 'failed', T0 + 1, 'Address invalid');
      expect(failed).toMatchObject({ status: 'failed', failureReason: 'Address invalid' });
      expect((await rewards.settle(p, 'r1', 'failed', T0 + 2)).status).toBe('failed');
      await expect(rewards.settle(p, 'r1', 'fulfilled', T0 + 3)).rejects.toMatchObject({ code: 'already_settled' });
      await expect(rewards.settle(p, 'nope', 'fulfilled', T0)).rejects.toMatchObject({ code: 'redemption_not_found' });
      expect((await rewards.entries(p, 'u1')).map((e) => [e.id, e.amount])).toEqual([
        ['refund:r1', 120],
        ['redeem:r1', -120],
        [expect.any(String), 300],
      ]);
      expect((await rewards.balance(p, 'u1')).balance).toBe(300);
      // A failed redemption gives its stock back.
      expect((await rewards.itemUsage(p, 'u1')).total.get('mug')).toBeUndefined();
    });

    withStore("does not count a failed redemption's refund as points earned: lifetime and tier stay", async (rewards, p) => {
      await rewards.append(entry(p, { id: 'grant', amount: 290, at: T0 }));
      const item = { id: 'sticker', cost: 30 };
      await rewards.redeem({ projectId: p, id: 'r1', userId: 'u1', item, at: T0 + 1 });
      expect(await rewards.balance(p, 'u1')).toEqual({ balance: 260, lifetime: 290 });
      await rewards.append(entry(p, { id: 'other', userId: 'u2', amount: 15, at: T0 }));
      // Outstanding points: u1's 260 unspent (30 pending in a redemption) + u2's 15.
      expect((await rewards.activity(p, T0, T0 + DAY)).outstanding).toBe(275);
      await rewards.settle(p, 'r1', 'failed', T0 + 2);
      expect(await rewards.balance(p, 'u1')).toEqual({ balance: 290, lifetime: 290 });
      expect((await rewards.activity(p, T0, T0 + DAY)).lifetimes.get('u1')).toBe(290);
      // A second failure report is idempotent and refunds nothing more.
      await rewards.settle(p, 'r1', 'failed', T0 + 3);
      expect(await rewards.balance(p, 'u1')).toEqual({ balance: 290, lifetime: 290 });
    });

    withStore('gives each user one stable referral code and refuses self-referral, loops and a second referrer', async (rewards, p) => {
      const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((u) => rewards.referralCode(p, u)));
      expect(await rewards.referralCode(p, 'a')).toBe(a);
      expect(new Set([a, b, c]).size).toBe(3);
      expect(a).toMatch(/^[A-Z2-9]{8}$/);
      await expect(rewards.attachReferral(p, a!, 'a', T0)).rejects.toMatchObject({ code: 'self_referral' });
      await expect(rewards.attachReferral(p, 'NOSUCHCODE', 'x', T0)).rejects.toMatchObject({ code: 'unknown_referral_code' });
      expect(await rewards.attachReferral(p, a!, 'b', T0)).toMatchObject({ referrerUserId: 'a', referredUserId: 'b', convertedAt: null });
      expect(await rewards.attachReferral(p, a!, 'b', T0 + 1)).toMatchObject({ referrerUserId: 'a' });
      await expect(rewards.attachReferral(p, c!, 'b', T0)).rejects.toMatchObject({ code: 'already_referred' });
      await rewards.attachReferral(p, b!, 'c', T0);
      await expect(rewards.attachReferral(p, c!, 'a', T0)).rejects.toMatchObject({ code: 'referral_loop' });
      await rewards.markReferralConverted(p, 'b', T0 + DAY);
      expect((await rewards.referralOf(p, 'b'))?.convertedAt).toBe(new Date(T0 + DAY).toISOString());
    });

    withStore('expires unspent old points first-in-first-out, idempotently', async (rewards, p) => {
      await rewards.append(entry(p, { id: 'old', amount: 100, at: T0 }));
      await rewards.append(entry(p, { id: 'spent', amount: -30, at: T0 + DAY }));
      await rewards.append(entry(p, { id: 'new', amount: 50, at: T0 + 40 * DAY }));
      const cutoff = T0 + 30 * DAY;
      const runs = await Promise.all([rewards.expire(p, cutoff, T0 + 41 * DAY), rewards.expire(p, cutoff, T0 + 41 * DAY)]);
      expect(runs[0]! + runs[1]!).toBe(1);
      expect(await rewards.expire(p, cutoff + 1, T0 + 42 * DAY)).toBe(0);
      expect(await rewards.balance(p, 'u1')).toEqual({ balance: 50, lifetime: 150 });
      expect((await rewards.entries(p, 'u1'))[0]).toMatchObject({ amount: -70, reason: 'Points expired' });
    });

    withStore("reads a period's activity for KPIs", async (rewards, p) => {
      await rewards.append(entry(p, { id: 'before', at: T0 - DAY }));
      await rewards.append(entry(p, { id: 'in', userId: 'u2', amount: 40, ruleId: 'r', at: T0 }));
      await rewards.redeem({ projectId: p, id: 'x', userId: 'u1', item: { id: 'mug', cost: 10 }, at: T0 + 1 });
      const activity = await rewards.activity(p, T0, T0 + DAY);
      expect(activity.entries.map((e) => e.id)).toEqual(['in', 'redeem:x']);
      expect(activity.redemptions.map((r) => r.id)).toEqual(['x']);
      expect(activity.lifetimes).toEqual(
        new Map([
          ['u1', 100],
          ['u2', 40],
        ]),
      );
    });
  });
}
