import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../domain/time.js';
import { groupMetrics, type GroupCounts } from './group-metrics.js';
import { revenueGroupOf } from './group-revenue.js';

const period = { from: 0, to: 30 * DAY_MS };
const margin = 80;
const counts = (revenue: GroupCounts['revenue']): GroupCounts => ({
  retention: { customersAtStart: 0, retained: 0 },
  engagement: { active: 0, events: 0, eventsSquared: 0 },
  nps: null,
  revenue,
});

describe('revenue per program group', () => {
  // Members: ARR 12,000 → 12,000 (MRR 1,000), 24,000 → 24,000 (MRR 2,000), 12,000 → 0 (lost),
  // 0 → 36,000 (new, MRR 3,000). Paying at the end 3, ΣARR 72,000, ΣARR² 12,000² + 24,000² + 36,000²
  // = 2,016,000,000; paying at the start 3, lost 1.
  const members = revenueGroupOf(
    { payingAtEnd: 3, endArr: 72_000n, endArrSquared: 2_016_000_000, payingAtStart: 3, lost: 1 },
    margin,
    period,
  );
  // Non-members: 12,000, 12,000 and 24,000 all period (MRR 1,000, 1,000, 2,000): ΣARR 48,000,
  // ΣARR² 144,000,000 × 2 + 576,000,000 = 864,000,000; nobody lost.
  const others = revenueGroupOf({ payingAtEnd: 3, endArr: 48_000n, endArrSquared: 864_000_000, payingAtStart: 3, lost: 0 }, margin, period);

  it("summarizes a group's paying customers' MRR for ARPA and takes its CLV from its own churn", () => {
    // MRR 1,000, 2,000, 3,000: Σ 6,000, Σ² 14,000,000 (= 2,016,000,000 ÷ 144) → n 3, mean 2,000,
    // variance (14,000,000 − 6,000² ÷ 3) ÷ 2 = 1,000,000.
    expect(members.arpa).toEqual({ n: 3, mean: 2000, variance: 1_000_000 });
    // Paying at the start 3, lost 1 in 30 days: monthly churn 1/3, lifetime 3 months; CLV = 2,000 × 80 % × 3 = 4,800.
    expect(members).toMatchObject({ clv: 4800, clvNote: null, payingAtStart: 3 });
    // 1,000, 1,000, 2,000 → mean 1,333.33, variance (333.33² × 2 + 666.67²) ÷ 2 = 333,333.33; nobody lost: no CLV.
    expect(others.arpa.n).toBe(3);
    expect(others.arpa.mean).toBeCloseTo(4000 / 3, 9);
    expect(others.arpa.variance).toBeCloseTo(1_000_000 / 3, 6);
    expect(others).toMatchObject({ clv: null, clvNote: 'no_churn', payingAtStart: 3 });
  });

  it('compares ARPA by Welch and sets the CLVs side by side with the customers behind them', () => {
    const revenue = groupMetrics(counts(members), counts(others), 30 / 7, { exposed: 'members', control: 'non-members' }).revenue!;
    // d = 2,000 − 1,333.33 = 666.67. s²/n: 1,000,000 ÷ 3 = 333,333.33 and 333,333.33 ÷ 3 = 111,111.11;
    // SE = √444,444.44 = 666.67; ν = 444,444.44² ÷ (333,333.33² ÷ 2 + 111,111.11² ÷ 2) = 3.2;
    // t(0.975, 3.2) = 3.072829, half-width 3.072829 × 666.67 = 2,048.553.
    expect(revenue.arpa.difference).toBeCloseTo(2000 / 3, 9);
    expect(revenue.arpa.low).toBeCloseTo(666.667 - 2048.553, 2);
    expect(revenue.arpa.high).toBeCloseTo(666.667 + 2048.553, 2);
    expect(revenue.arpa).toMatchObject({ exposed: { n: 3, value: 2000 }, control: { n: 3 }, verdict: 'too-small' });
    expect(revenue.arpa.warning).toContain('members: 3, non-members: 3');
    expect(revenue.clv).toEqual({
      exposed: 4800,
      control: null,
      exposedNote: null,
      controlNote: 'no_churn',
      exposedPayingAtStart: 3,
      controlPayingAtStart: 3,
    });
  });

  it('has no ARPA interval for an empty group, and no revenue comparison without revenue', () => {
    const none = revenueGroupOf({ payingAtEnd: 0, endArr: 0n, endArrSquared: 0, payingAtStart: 0, lost: 0 }, margin, period);
    expect(none).toEqual({ arpa: { n: 0, mean: 0, variance: 0 }, clv: null, clvNote: 'no_paying_customers', payingAtStart: 0 });
    const revenue = groupMetrics(counts(members), counts(none), 1, { exposed: 'a', control: 'b' }).revenue!;
    expect(revenue.arpa).toMatchObject({ control: { n: 0, value: null }, difference: null, verdict: 'too-small' });
    expect(groupMetrics(counts(members), counts(null), 1, { exposed: 'a', control: 'b' }).revenue).toBeNull();
  });
});
