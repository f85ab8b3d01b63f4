import { describe, expect, it } from 'vitest';
import { cohortRetention } from './retention-cohorts.js';
import { PERIOD_MS } from './retention-periods.js';

const from = new Date('2026-03-02T00:00:00.000Z');
const range = { from, to: new Date(from.getTime() + 3 * PERIOD_MS.week) };

describe('cohortRetention', () => {
  it('builds the triangle: each cohort observed up to the last period, as % of its size', () => {
    const rows = cohortRetention(
      [
        { cohort: 0, offset: 0, users: 4 },
        { cohort: 0, offset: 2, users: 1 },
        { cohort: 1, offset: 0, users: 2 },
        { cohort: 1, offset: 1, users: 2 },
      ],
      range,
      'week',
    );
    // Cohort 0: 4, nobody in week 1, 1 in week 2. Cohort 1: 2 kept both. Cohort 2: nobody new.
    expect(rows.map((r) => [r.size, r.active, r.retention])).toEqual([
      [4, [4, 0, 1], [100, 0, 25]],
      [2, [2, 2], [100, 100]],
      [0, [0], [null]],
    ]);
    expect(rows[1]).toMatchObject({ start: new Date(from.getTime() + PERIOD_MS.week).toISOString(), complete: true });
  });

  it('has no cohort in an empty range', () => {
    expect(cohortRetention([], { from, to: from }, 'month')).toEqual([]);
  });
});
