import { describe, expect, it } from 'vitest';
import { adoptionKpis } from './adoption.js';

describe('adoptionKpis', () => {
  it('divides adopters by active users', () => {
    expect(adoptionKpis({ activeUsers: 8, adopters: 2 })).toEqual({ activeUsers: 8, adopters: 2, adoptionRate: 25 });
    expect(adoptionKpis({ activeUsers: 3, adopters: 3 }).adoptionRate).toBe(100);
    expect(adoptionKpis({ activeUsers: 3, adopters: 0 }).adoptionRate).toBe(0);
  });

  it('is null with nobody active and refuses more adopters than active users', () => {
    expect(adoptionKpis({ activeUsers: 0, adopters: 0 }).adoptionRate).toBeNull();
    expect(() => adoptionKpis({ activeUsers: 1, adopters: 2 })).toThrow('adopters must not exceed activeUsers');
  });
});
