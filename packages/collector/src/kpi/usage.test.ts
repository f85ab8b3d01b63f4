import { describe, expect, it } from 'vitest';
import { PERIOD_MS } from './retention-periods.js';
import { usageKpis } from './usage.js';

const from = new Date('2026-03-02T00:00:00.000Z');
const days = (n: number) => ({ from, to: new Date(from.getTime() + n * PERIOD_MS.day) });

describe('usageKpis', () => {
  it('divides events and active days by active users and weeks', () => {
    // 4 users, 56 events on 12 active days over 2 weeks → 7 events, 1.5 days per user per week.
    expect(usageKpis({ activeUsers: 4, events: 56, activeDays: 12 }, days(14))).toEqual({
      activeUsers: 4,
      events: 56,
      activeDays: 12,
      weeks: 2,
      eventsPerUserPerWeek: 7,
      activeDaysPerUserPerWeek: 1.5,
    });
    // Half a week: 1 event per user in 3.5 days is 2 per week.
    expect(usageKpis({ activeUsers: 1, events: 1, activeDays: 1 }, days(3.5)).eventsPerUserPerWeek).toBe(2);
  });

  it('is null with nobody active or an empty range', () => {
    expect(usageKpis({ activeUsers: 0, events: 0, activeDays: 0 }, days(7))).toMatchObject({
      eventsPerUserPerWeek: null,
      activeDaysPerUserPerWeek: null,
    });
    expect(usageKpis({ activeUsers: 1, events: 1, activeDays: 1 }, days(0)).eventsPerUserPerWeek).toBeNull();
  });
});
