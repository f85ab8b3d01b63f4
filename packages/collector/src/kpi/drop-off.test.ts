import { describe, expect, it } from 'vitest';
import { dropOffKpis, FIRST_DAYS_MS } from './drop-off.js';

describe('dropOffKpis', () => {
  it('counts eligible new users who never came back after their first 7 days', () => {
    expect(FIRST_DAYS_MS).toBe(7 * 86_400_000);
    expect(dropOffKpis({ newUsers: 10, eligible: 8, returned: 6 })).toEqual({
      newUsers: 10,
      pending: 2,
      eligible: 8,
      returned: 6,
      droppedOff: 2,
      dropOffRate: 25,
    });
  });

  it('is 100 % when nobody came back, 0 % when all did, null when nobody is eligible yet', () => {
    expect(dropOffKpis({ newUsers: 2, eligible: 2, returned: 0 }).dropOffRate).toBe(100);
    expect(dropOffKpis({ newUsers: 2, eligible: 2, returned: 2 }).dropOffRate).toBe(0);
    expect(dropOffKpis({ newUsers: 3, eligible: 0, returned: 0 })).toMatchObject({ pending: 3, dropOffRate: null });
  });

  it('refuses inconsistent counts', () => {
    expect(() => dropOffKpis({ newUsers: 1, eligible: 2, returned: 0 })).toThrow('expected returned ≤ eligible ≤ newUsers');
  });
});
