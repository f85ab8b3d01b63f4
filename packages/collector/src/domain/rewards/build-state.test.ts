import { rewardsConfigSchema, rewardsStateSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { buildRewardsState, referralLink, type RewardsStateInput } from './build-state.js';
import { tierFor } from './tiers.js';

const config = rewardsConfigSchema.parse({
  rules: [
    { id: 'export', title: 'Export a report', on: { type: 'event', event: 'report_exported' }, points: 10 },
    { id: 'welcome', title: 'Say hello', on: { type: 'event', event: 'hello' }, points: 5, caps: { oncePerUser: true } },
    { id: 'secret', title: 'Hidden', on: { type: 'event', event: 'x' }, points: 5, hidden: true },
    {
      id: 'admins',
      title: 'Admins only',
      on: { type: 'event', event: 'y' },
      points: 5,
      audience: { type: 'trait', trait: 'role', op: 'equals', value: 'admin' },
    },
  ],
  badges: [
    { id: 'exporter', name: 'Exporter', unlock: { type: 'rule', ruleId: 'export', count: 10 } },
    { id: 'big', name: 'Big spender', unlock: { type: 'lifetimePoints', min: 100 } },
    { id: 'pdf', name: 'PDF fan', unlock: { type: 'event', event: 'report_exported', where: { format: 'pdf' }, count: 2 } },
  ],
  tiers: [
    { id: 'gold', name: 'Gold', minPoints: 500, perks: ['Free shipping'] },
    { id: 'bronze', name: 'Bronze', minPoints: 0 },
    { id: 'silver', name: 'Silver', minPoints: 100 },
  ],
  catalog: [
    { id: 'mug', name: 'Mug', cost: 50 },
    { id: 'tee', name: 'Tee', cost: 10, stock: 3 },
    { id: 'cap', name: 'Cap', cost: 10, perUserLimit: 1 },
    { id: 'car', name: 'Car', cost: 1, audience: { type: 'trait', trait: 'role', op: 'equals', value: 'admin' } },
  ],
  referral: { qualifyingEvent: 'project_created', referrerPoints: 1, referredPoints: 1, linkTemplate: 'https://acme.test/join?ref={code}' },
});

const input = (overrides: Partial<RewardsStateInput> = {}): RewardsStateInput => ({
  balance: 40,
  lifetime: 120,
  ruleCounts: new Map([
    ['export', 12],
    ['welcome', 1],
  ]),
  eventCount: (event, where) => (event === 'report_exported' && where?.format === 'pdf' ? 1 : 0),
  history: Array.from({ length: 30 }, (_, i) => ({
    id: `e${i}`,
    userId: 'u1',
    amount: 4,
    reason: 'r',
    ruleId: 'export',
    at: new Date(i).toISOString(),
  })),
  usage: { total: new Map([['tee', 3]]), mine: new Map([['cap', 1]]) },
  referralCode: 'ABCD2345',
  eligible: (kind, id) => id !== 'admins' && id !== 'car',
  ...overrides,
});

describe('buildRewardsState', () => {
  it('computes tier, progress, badges, ways to earn, catalog and referral for one user', () => {
    const state = buildRewardsState(config, input());
    expect(rewardsStateSchema.parse(state)).toEqual(state);
    expect(state.tier).toEqual({ id: 'silver', name: 'Silver', minPoints: 100, perks: [] });
    expect(state.nextTier).toEqual({ id: 'gold', name: 'Gold', minPoints: 500 });
    expect(state.badges.map((b) => [b.id, b.earned, b.count, b.target])).toEqual([
      ['exporter', true, 10, 10],
      ['big', true, 100, 100],
      ['pdf', false, 1, 2],
    ]);
    expect(state.waysToEarn.map((w) => [w.id, w.done])).toEqual([
      ['export', false],
      ['welcome', true],
    ]);
    expect(state.history).toHaveLength(20);
    expect(state.catalog.map((i) => [i.id, i.blocked])).toEqual([
      ['mug', 'points'],
      ['tee', 'stock'],
      ['cap', 'limit'],
    ]);
    expect(state.referral).toEqual({ code: 'ABCD2345', link: 'https://acme.test/join?ref=ABCD2345' });
  });

  it("leaks no audiences, caps, hidden rules or other users' data", () => {
    const body = JSON.stringify(buildRewardsState(config, input()));
    for (const secret of [
      'audience',
      'role',
      'admin',
      'caps',
      'oncePerUser',
      'Hidden',
      'perUserLimit',
      'userId',
      'ruleId',
      'report_exported',
    ]) {
      expect(body, secret).not.toContain(secret);
    }
  });

  it('has no tier below the lowest threshold and no next tier at the top', () => {
    expect(tierFor([{ id: 'silver', name: 'S', minPoints: 100, perks: [] }], 99)).toEqual({
      tier: null,
      nextTier: { id: 'silver', name: 'S', minPoints: 100 },
    });
    expect(tierFor(config.tiers, 10_000).nextTier).toBeNull();
    expect(tierFor([], 10)).toEqual({ tier: null, nextTier: null });
  });

  it('encodes the code into the link', () => {
    expect(referralLink('https://a.test/?r={code}', 'A B')).toBe('https://a.test/?r=A%20B');
  });
});
