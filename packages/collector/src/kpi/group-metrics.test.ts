import { describe, expect, it } from 'vitest';
import type { NpsCounts } from '../storage/kpi/retention-store.js';
import { groupMetrics, npsGroupOf, type GroupCounts } from './group-metrics.js';

const names = { exposed: 'members', control: 'non-members' };

describe('groupMetrics', () => {
  it('compares retention and churn as rates of the customers at the start (Newcombe, percentage points)', () => {
    // Newcombe 1998 example a: 56/70 against 48/80 retained → +20 pp, (5.24, 33.39); churn 14/70 − 32/80 = −20 pp.
    const a: GroupCounts = {
      retention: { customersAtStart: 70, retained: 56 },
      engagement: { active: 0, events: 0, eventsSquared: 0 },
      nps: null,
      revenue: null,
    };
    const b: GroupCounts = {
      retention: { customersAtStart: 80, retained: 48 },
      engagement: { active: 0, events: 0, eventsSquared: 0 },
      nps: null,
      revenue: null,
    };
    const metrics = groupMetrics(a, b, 1, names);
    expect(metrics.retention).toMatchObject({ exposed: { n: 70, value: 80 }, control: { n: 80, value: 60 }, verdict: 'higher' });
    expect(metrics.retention.low).toBeCloseTo(5.24, 2);
    expect(metrics.retention.high).toBeCloseTo(33.39, 2);
    expect(metrics.churn).toMatchObject({ exposed: { value: 20 }, control: { value: 40 }, verdict: 'lower' });
    expect(metrics.churn.low).toBeCloseTo(-33.39, 2);
    expect(metrics.churn.high).toBeCloseTo(-5.24, 2);
    expect(metrics.nps).toBeNull();
    expect(metrics.usageFrequency).toMatchObject({ exposed: { n: 0, value: null }, verdict: 'too-small' });
  });

  it('compares usage as events per active user per week, from the events and Σ events² the store counts', () => {
    // Over 2 weeks. A: users with 2, 4, 6 events → 1, 2, 3 per week: mean 2, variance 1.
    // B: users with 2, 2 events → 1, 1 per week: mean 1, variance 0. Welch: SE = √(1/3) = 0.57735,
    // ν = (1/3)² / ((1/3)²/2) = 2, t(0.975, 2) = 4.30265, half-width 2.48414.
    const a: GroupCounts = {
      retention: { customersAtStart: 0, retained: 0 },
      engagement: { active: 3, events: 12, eventsSquared: 56 },
      nps: null,
      revenue: null,
    };
    const b: GroupCounts = {
      retention: { customersAtStart: 0, retained: 0 },
      engagement: { active: 2, events: 4, eventsSquared: 8 },
      nps: null,
      revenue: null,
    };
    const usage = groupMetrics(a, b, 2, names).usageFrequency;
    expect(usage).toMatchObject({ exposed: { n: 3, value: 2 }, control: { n: 2, value: 1 }, verdict: 'too-small' });
    expect(usage.difference).toBeCloseTo(1, 12);
    expect(usage.low).toBeCloseTo(1 - 2.48414, 5);
    expect(usage.high).toBeCloseTo(1 + 2.48414, 5);
  });

  it('compares NPS as the mean of +100 / 0 / −100 scores, which is the NPS itself', () => {
    // A: 10, 9, 8, 3 → +100, +100, 0, −100: NPS 25, mean 25, variance (75² + 75² + 25² + 125²)/3 = 9166.67.
    expect(npsGroupOf({ responses: 4, promoters: 2, detractors: 1 })).toEqual({ n: 4, mean: 25, variance: expect.closeTo(9166.667, 3) });
    // B: 0 × 2, 7 × 2 → −100, −100, 0, 0: NPS −50, variance (50² × 4)/3 = 3333.33.
    const a: GroupCounts = {
      retention: { customersAtStart: 0, retained: 0 },
      engagement: { active: 0, events: 0, eventsSquared: 0 },
      nps: { responses: 4, promoters: 2, detractors: 1 }, // 10, 9, 8, 3
      revenue: null,
    };
    const b: GroupCounts = { ...a, nps: { responses: 4, promoters: 0, detractors: 2 } }; // 0, 0, 7, 7
    // SE = √(9166.67/4 + 3333.33/4) = √3125 = 55.9017; ν = 3125² / (2291.67²/3 + 833.33²/3) = 4.92701;
    // t(0.975, 4.92701) = 2.58208, half-width 144.3426.
    const nps = groupMetrics(a, b, 1, names).nps!;
    expect(nps.difference).toBe(75);
    expect(nps.low).toBeCloseTo(75 - 144.3426, 3);
    expect(nps.high).toBeCloseTo(75 + 144.3426, 3);
    expect(nps.warning).toContain('members: 4, non-members: 4');
  });

  it('compares NPS over accounts with the clustered variance when the answers come clustered by account', () => {
    // Exposed accounts: A1 answers 10, 9 (net y = 2, m = 2), A2 3 (y = −1, m = 1), A3 8, 0 (y = −1, m = 2):
    // 5 answers, 2 promoters, 2 detractors → NPS 0 (R = Σy ÷ Σm = 0). Σy² = 4 + 1 + 1 = 6,
    // Σm² = 4 + 1 + 4 = 9, Σym = 4 − 1 − 2 = 1; Σ(y − R·m)² = 6, m̄ = 5/3, so the variance is
    // 6 ÷ (2 × 25/9) = 1.08 in ±1 units, 10,800 in NPS points (per answer it would be 10,000).
    const clustered = (responses: number, promoters: number, detractors: number, clusters: NonNullable<NpsCounts['clusters']>) => ({
      responses,
      promoters,
      detractors,
      clusters,
    });
    const exposed = clustered(5, 2, 2, { accounts: 3, responsesSquared: 9, netSquared: 6, netByResponses: 1 });
    expect(npsGroupOf(exposed)).toEqual({ n: 3, mean: 0, variance: expect.closeTo(10_800, 9) });
    // Held-out accounts: H1 10, 10, 10 (y = 3, m = 3), H2 9 (y = 1, m = 1): NPS 100, every residual 0.
    const holdout = clustered(4, 4, 0, { accounts: 2, responsesSquared: 10, netSquared: 10, netByResponses: 10 });
    expect(npsGroupOf(holdout)).toEqual({ n: 2, mean: 100, variance: 0 });
    const counts = (nps: NpsCounts): GroupCounts => ({
      retention: { customersAtStart: 0, retained: 0 },
      engagement: { active: 0, events: 0, eventsSquared: 0 },
      nps,
      revenue: null,
    });
    // d = −100; SE = √(10,800 ÷ 3) = 60; ν = n₁ − 1 = 2 (the holdout adds no variance); t(0.975, 2) = 4.302653,
    // half-width 258.1592. Sizes are accounts: 3 and 2.
    const nps = groupMetrics(counts(exposed), counts(holdout), 1, { exposed: 'the exposed accounts', control: 'the holdout' }).nps!;
    expect(nps).toMatchObject({ exposed: { n: 3, value: 0 }, control: { n: 2, value: 100 }, difference: -100, verdict: 'too-small' });
    expect(nps.low).toBeCloseTo(-100 - 258.1592, 3);
    expect(nps.high).toBeCloseTo(-100 + 258.1592, 3);
    expect(nps.warning).toContain('the exposed accounts: 3, the holdout: 2');
  });
});
