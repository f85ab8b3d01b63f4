import { fatigueBudgetSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { NOW, daysAgo } from '../test-helpers.js';
import { DAY_MS } from '../time.js';
import { fatigueUsage } from './fatigue.js';
import type { DisplayRecord } from './history.js';

const shown = (promptId: string, at: Date): DisplayRecord => ({ promptId, kind: 'checklist', at, action: 'shown' });
const interrupting = new Set(['nps', 'promo']);
const budget = (input: object = {}) => fatigueBudgetSchema.parse(input);

describe('fatigueUsage', () => {
  it('defaults to one interrupting prompt per 24 hours', () => {
    expect(fatigueUsage([], interrupting, budget(), NOW)).toEqual({ remaining: 1, exhausted: null });
    const used = fatigueUsage([shown('nps', daysAgo(0.5))], interrupting, budget(), NOW);
    expect(used.remaining).toBe(0);
    expect(used.exhausted).toBe('the project allows 1 interrupting prompt per user per day (24 hours) and this user already saw 1');
  });

  it('ignores non-interrupting prompts and non-display actions', () => {
    const history: DisplayRecord[] = [shown('checklist', daysAgo(0.1)), { ...shown('nps', daysAgo(0.1)), action: 'dismissed' }];
    expect(fatigueUsage(history, interrupting, budget(), NOW).remaining).toBe(1);
  });

  it('frees the budget exactly 24 hours after the display (rolling window)', () => {
    const history = [shown('nps', daysAgo(1))];
    expect(fatigueUsage(history, interrupting, budget(), NOW).remaining).toBe(1);
    expect(fatigueUsage(history, interrupting, budget(), new Date(NOW.getTime() - 1)).remaining).toBe(0);
  });

  it('applies the weekly cap on top of the daily one', () => {
    const history = [shown('nps', daysAgo(2)), shown('promo', daysAgo(4)), shown('nps', daysAgo(6.9))];
    const weekly = budget({ maxInterruptingPerDay: 2, maxInterruptingPerWeek: 3 });
    const result = fatigueUsage(history, interrupting, weekly, NOW);
    expect(result.remaining).toBe(0);
    expect(result.exhausted).toContain('per user per week (7 × 24 hours) and this user already saw 3');
    const later = new Date(NOW.getTime() + 0.2 * DAY_MS); // the 6.9-day-old display leaves the week
    expect(fatigueUsage(history, interrupting, weekly, later)).toEqual({ remaining: 1, exhausted: null });
  });

  it('a zero budget turns interrupting prompts off', () => {
    expect(fatigueUsage([], interrupting, budget({ maxInterruptingPerDay: 0 }), NOW).remaining).toBe(0);
  });
});
