import type { Tier } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { RewardsActivity, StoredEntry } from '../domain/rewards/ledger.js';
import { rewardsKpis } from './rewards.js';

const T = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const period = { from: T, to: T + 30 * DAY };
const at = (day: number) => new Date(T + day * DAY).toISOString();
const entry = (id: string, userId: string, amount: number, ruleId: string | null = null, day = 1): StoredEntry => ({
  id,
  userId,
  amount,
  reason: id,
  ruleId,
  at: at(day),
});
const tiers: Tier[] = [
  { id: 'bronze', name: 'Bronze', minPoints: 0, perks: [] },
  { id: 'gold', name: 'Gold', minPoints: 1_000, perks: [] },
];
const empty: RewardsActivity = { entries: [], redemptions: [], referrals: [], lifetimes: new Map(), outstanding: 0 };

describe('rewards KPIs', () => {
  it('matches a hand-computed fixture', () => {
    const activity: RewardsActivity = {
      ...empty,
      entries: [
        entry('e1', 'ann', 100, 'export'),
        entry('e2', 'ann', 100, 'export'),
        entry('e3', 'bob', 300, 'survey'),
        entry('g1', 'cat', 50),
        entry('redeem:r1', 'ann', -150),
        entry('redeem:r2', 'bob', -100),
        entry('refund:r2', 'bob', 100),
        entry('expire:cat:1', 'cat', -20),
      ],
      referrals: [
        { referrerUserId: 'ann', referredUserId: 'bob', createdAt: at(-3), convertedAt: at(2) },
        { referrerUserId: 'ann', referredUserId: 'cat', createdAt: at(1), convertedAt: null },
        { referrerUserId: 'bob', referredUserId: 'dan', createdAt: at(40), convertedAt: null },
      ],
      lifetimes: new Map([
        ['ann', 200],
        ['bob', 1_400],
        ['cat', 50],
        ['old', 1_000],
      ]),
    };
    // issued 100+100+300+50 = 550 (refund excluded); redeemed 150+100−100 = 150; rate 150/550.
    expect(rewardsKpis(activity, tiers, period)).toEqual({
      pointsIssued: 550,
      pointsRedeemed: 150,
      pointsExpired: 20,
      redemptionRate: (100 * 150) / 550,
      activeMembers: 3,
      tierDistribution: [
        { tierId: null, members: 0 },
        { tierId: 'bronze', members: 2 },
        { tierId: 'gold', members: 2 },
      ],
      topRules: [
        { ruleId: 'survey', points: 300, awards: 1 },
        { ruleId: 'export', points: 200, awards: 2 },
      ],
      referrals: { attached: 1, converted: 1 },
    });
  });

  it('answers an empty period with zeros and a null rate, never a division by zero', () => {
    expect(rewardsKpis(empty, tiers, period)).toEqual({
      pointsIssued: 0,
      pointsRedeemed: 0,
      pointsExpired: 0,
      redemptionRate: null,
      activeMembers: 0,
      tierDistribution: [
        { tierId: null, members: 0 },
        { tierId: 'bronze', members: 0 },
        { tierId: 'gold', members: 0 },
      ],
      topRules: [],
      referrals: { attached: 0, converted: 0 },
    });
  });

  it('counts members below every tier under null and keeps only the top rules, ties by id', () => {
    const activity = { ...empty, entries: ['c', 'a', 'b'].map((id) => entry(id, 'u', 10, id)), lifetimes: new Map([['u', 5]]) };
    const kpis = rewardsKpis(activity, [{ id: 'silver', name: 'S', minPoints: 10, perks: [] }], period, 2);
    expect(kpis.topRules.map((r) => r.ruleId)).toEqual(['a', 'b']);
    expect(kpis.tierDistribution).toEqual([
      { tierId: null, members: 1 },
      { tierId: 'silver', members: 0 },
    ]);
    expect(kpis.redemptionRate).toBe(0);
  });
});
