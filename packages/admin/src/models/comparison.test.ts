import type { Comparison } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { comparisonText, groupText } from './comparison.js';

const base: Comparison = {
  exposed: { n: 70, value: 80 },
  control: { n: 80, value: 60 },
  difference: 20,
  low: 5.2431,
  high: 33.3905,
  verdict: 'higher',
  warning: null,
};

describe('comparisonText', () => {
  it('signs the difference, gives the interval in the same unit and words the verdict', () => {
    expect(comparisonText(base, 'pts')).toEqual({ difference: '+20 pts', interval: '5.24 to 33.39 pts', verdict: 'Higher' });
    expect(comparisonText({ ...base, difference: -0.255, low: -1.5, high: 0.5, verdict: 'no-difference' }, '')).toEqual({
      difference: '−0.26',
      interval: '−1.5 to 0.5',
      verdict: 'No difference detectable',
    });
  });

  it('shows dashes when no interval can be drawn', () => {
    expect(comparisonText({ ...base, difference: null, low: null, high: null, verdict: 'too-small' }, 'pts')).toEqual({
      difference: '—',
      interval: '—',
      verdict: 'Too few to tell',
    });
  });

  it('gives a group its value and sample size', () => {
    expect(groupText(base.exposed, '%')).toBe('80% (n = 70)');
    expect(groupText({ n: 0, value: null }, '')).toBe('— (n = 0)');
  });
});
