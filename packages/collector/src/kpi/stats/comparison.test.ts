import { describe, expect, it } from 'vitest';
import { compareMeans, compareProportions } from './comparison.js';
import { meanGroupOf } from './means.js';

describe('compareProportions', () => {
  it('reports both rates, the difference in percentage points and its Newcombe interval', () => {
    // 56/70 = 80 %, 48/80 = 60 %: +20 pp, (5.24, 33.39) pp (Newcombe 1998, Table II, example a).
    const result = compareProportions({ n: 70, successes: 56 }, { n: 80, successes: 48 });
    expect(result).toMatchObject({ exposed: { n: 70, value: 80 }, control: { n: 80, value: 60 }, verdict: 'higher', warning: null });
    expect(result.difference).toBeCloseTo(20, 10);
    expect(result.low).toBeCloseTo(5.24, 2);
    expect(result.high).toBeCloseTo(33.39, 2);
  });

  it('says "no difference" when the interval spans 0, and "lower" when it lies below', () => {
    // 30/60 vs 33/60 = −5 pp, interval (−22, 12.7): spans 0.
    expect(compareProportions({ n: 60, successes: 30 }, { n: 60, successes: 33 }).verdict).toBe('no-difference');
    expect(compareProportions({ n: 80, successes: 48 }, { n: 70, successes: 56 }).verdict).toBe('lower');
  });

  it('warns in words when a group is below 30, naming the group and both sizes', () => {
    const result = compareProportions({ n: 200, successes: 80 }, { n: 12, successes: 6 }, { exposed: 'members', control: 'the holdout' });
    expect(result.verdict).toBe('too-small');
    expect(result.warning).toBe(
      'Too few to tell: each group needs at least 30 subjects and the holdout has fewer (members: 200, the holdout: 12). Treat this difference as a hint, not a result.',
    );
    expect(result.low).not.toBeNull();
  });

  it('warns when a rate sits so close to 0 % or 100 % that a group has fewer than 5 with (or without) the outcome', () => {
    const result = compareProportions({ n: 100, successes: 3 }, { n: 100, successes: 10 });
    expect(result.verdict).toBe('too-small');
    expect(result.warning).toBe(
      'Too few to tell: the exposed group has fewer than 5 subjects with, or without, the outcome; this close to 0 % or 100 % the interval is unreliable.',
    );
  });

  it('has no value, no interval and a warning for an empty group', () => {
    const result = compareProportions({ n: 0, successes: 0 }, { n: 40, successes: 20 });
    expect(result).toMatchObject({ exposed: { n: 0, value: null }, difference: null, low: null, high: null, verdict: 'too-small' });
    expect(result.warning).toContain('the exposed group has fewer (the exposed group: 0, the holdout: 40)');
  });
});

describe('compareMeans', () => {
  it('reports both means and the Welch interval in the metric’s unit', () => {
    // 30 × 2 and 30 × 4 (mean 3, variance 60/59 = 1.016949) against 1 and 2 alternately, 30 values
    // (mean 1.5, variance 7.5/29 = 0.258621): SE = √(1.016949/60 + 0.258621/30) = 0.159906,
    // ν = 87.977, t = 1.98730, half-width 0.317780.
    const exposed = meanGroupOf([...Array<number>(30).fill(2), ...Array<number>(30).fill(4)]);
    const control = meanGroupOf(Array.from({ length: 30 }, (_, i) => (i % 2 ? 2 : 1)));
    const result = compareMeans(exposed, control);
    expect(result).toMatchObject({
      exposed: { n: 60, value: 3 },
      control: { n: 30, value: 1.5 },
      difference: 1.5,
      verdict: 'higher',
      warning: null,
    });
    expect(result.low).toBeCloseTo(1.18222, 5);
    expect(result.high).toBeCloseTo(1.81778, 5);
  });

  it('warns when a group is too small, and has no interval below two values', () => {
    const result = compareMeans(meanGroupOf([1]), meanGroupOf([2, 3]));
    expect(result).toMatchObject({ exposed: { n: 1, value: 1 }, difference: null, verdict: 'too-small' });
    expect(result.warning).toContain('the exposed group and the holdout have fewer');
  });
});
