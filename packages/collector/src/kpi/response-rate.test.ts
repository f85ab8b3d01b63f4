import { describe, expect, it } from 'vitest';
import { responseRate } from './response-rate.js';

const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const d = (iso: string) => new Date(iso);

describe('responseRate', () => {
  it('divides responses by displays in [from, to)', () => {
    // Displays in March: 4 (the 1 April one is outside); responses in March: 1 → 25 %.
    const displays = [
      d('2026-03-01T00:00:00Z'),
      d('2026-03-02T00:00:00Z'),
      d('2026-03-02T00:00:00Z'),
      d('2026-03-31T23:59:59Z'),
      d('2026-04-01T00:00:00Z'),
    ];
    const responses = [d('2026-03-02T00:01:00Z'), d('2026-02-28T00:00:00Z')];
    expect(responseRate(displays, responses, range)).toEqual({ displays: 4, responses: 1, rate: 25 });
  });

  it('is null when the survey was never shown, and refuses an inverted range', () => {
    expect(responseRate([], [], range)).toEqual({ displays: 0, responses: 0, rate: null });
    expect(() => responseRate([], [], { from: range.to, to: range.from })).toThrow('range.from must not be after range.to');
  });
});
