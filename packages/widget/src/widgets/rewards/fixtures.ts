import type { RewardsState } from '@hearth/schema';

/** Test data: a rewards state as `GET /v1/rewards` sends it. */
export function rewardsFixture(overrides: Partial<RewardsState> = {}): RewardsState {
  return {
    balance: 1250,
    lifetime: 1400,
    tier: { id: 'silver', name: 'Silver', minPoints: 1000, perks: ['Early access'] },
    nextTier: { id: 'gold', name: 'Gold', minPoints: 2000 },
    badges: [
      { id: 'exporter', name: 'Exporter', earned: true, count: 10, target: 10 },
      { id: 'inviter', name: 'Inviter', earned: false, count: 1, target: 3 },
    ],
    waysToEarn: [
      { id: 'export', title: 'Export a report', points: 50, done: false },
      { id: 'profile', title: 'Complete your profile', points: 20, done: true },
    ],
    history: [
      { id: 'e2', amount: -500, reason: 'Redeemed mug', at: '2026-11-20T10:00:00.000Z' },
      { id: 'e1', amount: 1750, reason: 'Export a report', at: '2026-11-19T10:00:00.000Z' },
    ],
    catalog: [
      { id: 'tee', name: 'T-shirt', cost: 800 },
      { id: 'car', name: 'Car', cost: 100000, blocked: 'points' },
    ],
    referral: { code: 'ABCD2345', link: 'https://acme.test/join?ref=ABCD2345' },
    ...overrides,
  };
}
