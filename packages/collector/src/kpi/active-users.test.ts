import { describe, expect, it } from 'vitest';
import { activeUsersSeries } from './active-users.js';
import { PERIOD_MS } from './retention-periods.js';

const from = new Date('2026-03-02T00:00:00.000Z');
const range = { from, to: new Date(from.getTime() + 9 * PERIOD_MS.day) };

describe('activeUsersSeries', () => {
  it('places each count in its period and fills the silent ones with 0', () => {
    const series = activeUsersSeries(
      [
        { period: 'day', index: 0, users: 4 },
        { period: 'day', index: 8, users: 1 },
        { period: 'week', index: 0, users: 5 },
        { period: 'week', index: 1, users: 1 },
        { period: 'month', index: 0, users: 5 },
      ],
      range,
    );
    expect(series.daily.map((p) => p.activeUsers)).toEqual([4, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(series.weekly.map((p) => [p.activeUsers, p.complete])).toEqual([
      [5, true],
      [1, false],
    ]);
    expect(series.monthly).toEqual([{ start: from.toISOString(), end: range.to.toISOString(), complete: false, activeUsers: 5 }]);
  });

  it('is all zeros with nobody active, and empty for an empty range', () => {
    expect(activeUsersSeries([], range).weekly.map((p) => p.activeUsers)).toEqual([0, 0]);
    expect(activeUsersSeries([], { from, to: from })).toEqual({ daily: [], weekly: [], monthly: [] });
  });
});
