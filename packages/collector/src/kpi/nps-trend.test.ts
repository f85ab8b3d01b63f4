import type { JsonValue } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { bucketStart, npsByTrait, npsTrend } from './nps-trend.js';
import type { SurveyResponseRow } from './survey-rows.js';

const row = (score: number, iso: string, traits: Record<string, JsonValue> = {}): SurveyResponseRow => ({
  userId: iso,
  answeredAt: new Date(iso),
  traits,
  answer: { type: 'nps', score },
});
const now = new Date('2026-06-01T00:00:00Z');

describe('bucketStart', () => {
  it('starts weeks on Monday 00:00 UTC and months on the 1st', () => {
    // 2026-03-15 is a Sunday: its week began Monday 2026-03-09.
    expect(new Date(bucketStart(Date.parse('2026-03-15T23:59:59Z'), 'week')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(new Date(bucketStart(Date.parse('2026-03-16T00:00:00Z'), 'week')).toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(new Date(bucketStart(Date.parse('2026-03-31T23:00:00Z'), 'month')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('npsTrend', () => {
  const rows = [
    // week of 9 March: 10, 0 → 50 − 50 = 0
    row(10, '2026-03-10T10:00:00Z'),
    row(0, '2026-03-15T23:59:59Z'),
    // week of 16 March: none → null
    // week of 23 March: 9, 9, 7 → 66.67 − 0
    row(9, '2026-03-23T00:00:00Z'),
    row(9, '2026-03-24T00:00:00Z'),
    row(7, '2026-03-29T12:00:00Z'),
    // April: 3 → −100
    row(3, '2026-04-02T00:00:00Z'),
  ];

  it('lists every week of the range, with null for weeks without responses', () => {
    const range = { from: new Date('2026-03-11T00:00:00Z'), to: new Date('2026-03-30T00:00:00Z') };
    const trend = npsTrend(rows, { range, now, interval: 'week' });
    expect(trend.map((p) => [p.start, p.end, p.count, p.score])).toEqual([
      // Cut to the range: the response of 10 March is before `from`.
      ['2026-03-11T00:00:00.000Z', '2026-03-16T00:00:00.000Z', 1, -100],
      ['2026-03-16T00:00:00.000Z', '2026-03-23T00:00:00.000Z', 0, null],
      ['2026-03-23T00:00:00.000Z', '2026-03-30T00:00:00.000Z', 3, (2 / 3) * 100],
    ]);
  });

  it('groups by calendar month', () => {
    const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') };
    // March: 10, 0, 9, 9, 7 → 60 − 20 = 40. April: 3 → −100.
    const trend = npsTrend(rows, { range, now, interval: 'month' });
    expect(trend.map((p) => [p.start, p.count, p.score])).toEqual([
      ['2026-03-01T00:00:00.000Z', 5, 40],
      ['2026-04-01T00:00:00.000Z', 1, -100],
    ]);
  });
});

describe('npsByTrait', () => {
  it('groups by the answer-time trait, largest group first, missing traits as null', () => {
    const rows = [
      row(10, '2026-03-01T00:00:00Z', { plan: 'pro' }),
      row(9, '2026-03-02T00:00:00Z', { plan: 'pro' }),
      row(2, '2026-03-03T00:00:00Z', { plan: 'pro' }),
      row(8, '2026-03-04T00:00:00Z', { plan: 'free' }),
      row(1, '2026-03-05T00:00:00Z'),
      row(10, '2026-03-06T00:00:00Z', { plan: { tier: 'weird' } }),
    ];
    const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    const groups = npsByTrait(rows, { range, now, trait: 'plan' });
    // pro: 2 promoters, 1 detractor of 3 → 33.3; null: 1 and 10 → 0; free: passive → 0.
    expect(groups.map((g) => [g.value, g.count, g.score])).toEqual([
      ['pro', 3, (2 / 3) * 100 - (1 / 3) * 100],
      [null, 2, 0],
      ['free', 1, 0],
    ]);
  });
});
