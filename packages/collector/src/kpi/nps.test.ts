import { traitConditionSchema, type JsonValue } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { npsDistribution, npsKpi, npsSummary } from './nps.js';
import type { SurveyResponseRow } from './survey-rows.js';

const at = (day: string) => new Date(`2026-03-${day}T12:00:00Z`);
const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const now = new Date('2026-04-02T00:00:00Z');
const row = (userId: string, score: number, day: string, traits: Record<string, JsonValue> = {}): SurveyResponseRow => ({
  userId,
  answeredAt: at(day),
  traits,
  answer: { type: 'nps', score },
});

// Hand-checked: 10 responses in March — promoters 9, 10, 10, 9 (4); passives 7, 8 (2);
// detractors 0, 3, 6, 6 (4). NPS = 40 % − 40 % = 0; passives 20 %.
const pro = { plan: 'pro' };
const free = { plan: 'free' };
const march = [
  row('u1', 9, '01', pro),
  row('u2', 10, '02', pro),
  row('u3', 10, '03', free),
  row('u4', 9, '04', pro),
  row('u5', 7, '05', free),
  row('u6', 8, '06', pro),
  row('u7', 0, '07', free),
  row('u8', 3, '08', free),
  row('u9', 6, '09', pro),
  row('u10', 6, '31', free),
];
const outside = [
  { ...row('early', 10, '01'), answeredAt: new Date('2026-02-28T23:59:59.999Z') },
  { ...row('late', 0, '01'), answeredAt: range.to },
  { userId: 'csat', answeredAt: at('10'), traits: {}, answer: { type: 'csat' as const, score: 1 } },
];

describe('npsSummary', () => {
  it('is −100 when everyone is a detractor', () => {
    expect(npsSummary([0, 6, 3])).toEqual({
      count: 3,
      promoters: 0,
      passives: 0,
      detractors: 3,
      promotersPct: 0,
      passivesPct: 0,
      detractorsPct: 100,
      score: -100,
    });
  });

  it('is +100 when everyone is a promoter', () => {
    expect(npsSummary([9, 10]).score).toBe(100);
  });

  it('is 0 with passives only (they count in the denominator only)', () => {
    expect(npsSummary([7, 8, 8])).toMatchObject({ score: 0, passivesPct: 100, promotersPct: 0, detractorsPct: 0 });
  });

  it('is null, never 0, with no responses', () => {
    expect(npsSummary([])).toEqual({
      count: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      promotersPct: null,
      passivesPct: null,
      detractorsPct: null,
      score: null,
    });
  });

  it('puts the group edges where the definition does: 6 | 7, 8 | 9', () => {
    // 1 promoter, 2 passives, 1 detractor of 4: 25 − 25 = 0; and 2 promoters 1 detractor of 3: 66.67 − 33.33.
    expect(npsSummary([6, 7, 8, 9])).toMatchObject({ promoters: 1, passives: 2, detractors: 1, score: 0 });
    expect(npsSummary([9, 10, 6]).score).toBeCloseTo(100 / 3, 10);
  });
});

describe('npsKpi', () => {
  it('computes the hand-checked fixture, ignoring rows outside [from, to) and other survey types', () => {
    expect(npsKpi([...march, ...outside], { range, now })).toEqual({
      count: 10,
      promoters: 4,
      passives: 2,
      detractors: 4,
      promotersPct: 40,
      passivesPct: 20,
      detractorsPct: 40,
      score: 0,
    });
  });

  it('narrows to a trait segment from the answer-time snapshot', () => {
    // pro: 9, 10, 9, 8, 6 → 3 promoters, 1 passive, 1 detractor of 5: 60 − 20 = 40.
    const segment = traitConditionSchema.parse({ type: 'trait', trait: 'plan', op: 'equals', value: 'pro' });
    expect(npsKpi(march, { range, now, segment })).toMatchObject({ count: 5, promoters: 3, passives: 1, detractors: 1, score: 40 });
    // free: 10, 7, 0, 3, 6 → 1 promoter, 3 detractors of 5: 20 − 60 = −40.
    const freeOnly = traitConditionSchema.parse({ type: 'trait', trait: 'plan', op: 'equals', value: 'free' });
    expect(npsKpi(march, { range, now, segment: freeOnly }).score).toBe(-40);
  });

  it('answers null for an empty range and an empty segment', () => {
    expect(npsKpi(march, { range: { from: range.from, to: range.from }, now }).score).toBeNull();
    const nobody = traitConditionSchema.parse({ type: 'trait', trait: 'plan', op: 'equals', value: 'enterprise' });
    expect(npsKpi(march, { range, now, segment: nobody }).score).toBeNull();
  });

  it('refuses an inverted range, naming the field', () => {
    expect(() => npsKpi(march, { range: { from: range.to, to: range.from }, now })).toThrow('range.from must not be after range.to');
  });
});

describe('npsDistribution', () => {
  it('counts each score 0–10, zeros included', () => {
    const counts = npsDistribution(march, { range, now }).map((d) => d.count);
    //            0  1  2  3  4  5  6  7  8  9  10
    expect(counts).toEqual([1, 0, 0, 1, 0, 0, 2, 1, 1, 2, 2]);
  });
});
