import { describe, expect, it } from 'vitest';
import { PERIOD_MS, periodsOf } from './retention-periods.js';

const from = new Date('2026-03-02T00:00:00.000Z');
const after = (days: number) => new Date(from.getTime() + days * PERIOD_MS.day);

describe('periodsOf', () => {
  it('counts whole periods from `from` and clips the last one to `to`', () => {
    expect(periodsOf({ from, to: after(10) }, PERIOD_MS.week)).toEqual([
      { start: from.toISOString(), end: after(7).toISOString(), complete: true },
      { start: after(7).toISOString(), end: after(10).toISOString(), complete: false },
    ]);
    expect(periodsOf({ from, to: after(14) }, PERIOD_MS.week).map((p) => p.complete)).toEqual([true, true]);
  });

  it('has no period in an empty range and refuses a reversed one', () => {
    expect(periodsOf({ from, to: from }, PERIOD_MS.day)).toEqual([]);
    expect(() => periodsOf({ from: after(1), to: from }, PERIOD_MS.day)).toThrow('range.from must not be after range.to');
  });
});
