import { describe, expect, it } from 'vitest';
import { csatKpi } from './csat.js';
import type { SurveyResponseRow } from './survey-rows.js';

const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const row = (score: number, iso = '2026-03-10T00:00:00Z'): SurveyResponseRow => ({
  userId: `${score}-${iso}`,
  answeredAt: new Date(iso),
  traits: {},
  answer: { type: 'csat', score },
});

describe('csatKpi', () => {
  it('averages 1–5 scores and reports the satisfied share (4–5)', () => {
    // 5 + 4 + 3 + 1 = 13 / 4 = 3.25; satisfied 2 of 4 = 50 %. The April row is outside.
    const rows = [row(5), row(4), row(3), row(1), row(5, '2026-04-01T00:00:00Z')];
    expect(csatKpi(rows, { range, now: range.to })).toEqual({ count: 4, average: 3.25, satisfiedPct: 50 });
  });

  it('is null with no responses', () => {
    expect(csatKpi([], { range, now: range.to })).toEqual({ count: 0, average: null, satisfiedPct: null });
  });
});
