import { describe, expect, it } from 'vitest';
import { proportionDifference, wilsonInterval } from './proportions.js';

/**
 * Fixtures from Newcombe (1998), "Interval estimation for the difference between independent
 * proportions", Statistics in Medicine 17, Table II, method 10 — the published hand calculations
 * this implementation must reproduce to the 4 decimals printed there.
 */
const newcombe: [number, number, number, number, number, number][] = [
  [56, 70, 48, 80, 0.0524, 0.3339],
  [9, 10, 3, 10, 0.1705, 0.809],
  [5, 56, 0, 29, -0.0381, 0.1926],
  [0, 10, 0, 20, -0.1611, 0.2775],
  [0, 10, 0, 10, -0.2775, 0.2775],
  [10, 10, 0, 20, 0.6791, 1],
  [10, 10, 0, 10, 0.6075, 1],
];

describe('wilsonInterval', () => {
  it('is the score interval: 56/70 → (0.6918, 0.8770)', () => {
    // p = 0.8, z² = 3.8415: centre = (0.8 + 3.8415/140) / (1 + 3.8415/70) = 0.78439;
    // half = 1.96/1.05488 × √(0.16/70 + 3.8415/19600) = 0.09256.
    const { low, high } = wilsonInterval({ n: 70, successes: 56 });
    expect(low).toBeCloseTo(0.691834, 6);
    expect(high).toBeCloseTo(0.876953, 6);
  });

  it('is not zero-width at 0/n: 0/10 → (0, 0.2775)', () => {
    // centre = half = (3.8415/20) / 1.38415 = 0.13877: the interval is (0, 2 × 0.13877).
    const { low, high } = wilsonInterval({ n: 10, successes: 0 });
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.277533, 6);
  });

  it('refuses an empty group or more successes than subjects', () => {
    expect(() => wilsonInterval({ n: 0, successes: 0 })).toThrow('n must be a positive integer');
    expect(() => wilsonInterval({ n: 3, successes: 4 })).toThrow('successes must be an integer in [0, n]');
  });
});

describe('proportionDifference (Newcombe hybrid score)', () => {
  it.each(newcombe)('%i/%i − %i/%i → (%f, %f)', (x1, n1, x2, n2, low, high) => {
    const interval = proportionDifference({ n: n1, successes: x1 }, { n: n2, successes: x2 });
    expect(interval?.estimate).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
  });

  it('is null when a group is empty', () => {
    expect(proportionDifference({ n: 0, successes: 0 }, { n: 5, successes: 1 })).toBeNull();
    expect(proportionDifference({ n: 5, successes: 1 }, { n: 0, successes: 0 })).toBeNull();
  });
});
