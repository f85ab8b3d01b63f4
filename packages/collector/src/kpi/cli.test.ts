import { describe, expect, it } from 'vitest';
import { cliKpi } from './cli.js';
import type { SurveyResponseRow } from './survey-rows.js';

const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const now = range.to;
const questionIds = ['quality', 'support', 'overall'];
const row = (scores: Record<string, number>): SurveyResponseRow => ({
  userId: JSON.stringify(scores),
  answeredAt: new Date('2026-03-10T00:00:00Z'),
  traits: {},
  answer: { type: 'cli', scores },
});

describe('cliKpi', () => {
  it('is the mean rating across the questions × 10', () => {
    // quality (8 + 9) / 2 = 8.5; support (7 + 10) / 2 = 8.5; overall (9 + 8) / 2 = 8.5 → CLI 85.
    const rows = [row({ quality: 8, support: 7, overall: 9 }), row({ quality: 9, support: 10, overall: 8 })];
    expect(cliKpi(rows, { range, now, questionIds })).toEqual({
      count: 2,
      questions: [
        { questionId: 'quality', count: 2, mean: 8.5 },
        { questionId: 'support', count: 2, mean: 8.5 },
        { questionId: 'overall', count: 2, mean: 8.5 },
      ],
      cli: 85,
    });
  });

  it('is the mean of every rating given when answers are partial, not the mean of the question means', () => {
    // quality: 10, 10, 4; support: 2; overall: none. All ratings: (10 + 10 + 4 + 2) / 4 = 6.5 → 65
    // (the mean of the question means, (8 + 2) / 2 × 10, would say 50).
    const rows = [row({ quality: 10, support: 2 }), row({ quality: 10 }), row({ quality: 4 })];
    const result = cliKpi(rows, { range, now, questionIds });
    expect(result.cli).toBe(65);
    expect(result.questions).toEqual([
      { questionId: 'quality', count: 3, mean: 8 },
      { questionId: 'support', count: 1, mean: 2 },
      { questionId: 'overall', count: 0, mean: null },
    ]);
  });

  it('gives 67.50 on the partial-answers fixture (the mean of question means would give 67.22)', () => {
    // quality 9, 1, 1; support 10, 10, 10; overall 3, 10 → 54 / 8 = 6.75 → 67.5.
    const rows = [
      row({ quality: 9, support: 10, overall: 3 }),
      row({ quality: 1, support: 10, overall: 10 }),
      row({ quality: 1, support: 10 }),
    ];
    expect(cliKpi(rows, { range, now, questionIds }).cli).toBe(67.5);
  });

  it('spans 10 to 100 and is null with no ratings', () => {
    expect(cliKpi([row({ quality: 1, support: 1 })], { range, now, questionIds }).cli).toBe(10);
    expect(cliKpi([row({ quality: 10, support: 10, overall: 10 })], { range, now, questionIds }).cli).toBe(100);
    expect(cliKpi([], { range, now, questionIds })).toMatchObject({ count: 0, cli: null });
  });
});
