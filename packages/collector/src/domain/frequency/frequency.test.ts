import { frequencySchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { NOW, daysAgo } from '../test-helpers.js';
import { DAY_MS } from '../time.js';
import { checkFrequency } from './frequency.js';
import type { DisplayAction, DisplayRecord } from './history.js';

const record = (action: DisplayAction, at: Date, promptId = 'nps'): DisplayRecord => ({ promptId, kind: 'checklist', at, action });
const rules = (input: object) => frequencySchema.parse(input);

describe('checkFrequency', () => {
  it('lets a never-shown prompt show, even under strict rules', () => {
    expect(checkFrequency('nps', rules({ maxDisplays: 1, minDaysBetween: 90 }), [], NOW)).toEqual({
      ok: true,
      reason: 'shown 0 times so far; no frequency rule holds it back',
    });
  });

  it('stops after a dismissal by default, and can be told not to', () => {
    const history = [record('shown', daysAgo(2)), record('dismissed', daysAgo(2))];
    const stopped = checkFrequency('nps', rules({}), history, NOW);
    expect(stopped.ok).toBe(false);
    expect(stopped.reason).toContain('dismissed it on 2026-03-13T12:00:00.000Z');
    expect(checkFrequency('nps', rules({ stopAfterDismiss: false }), history, NOW).ok).toBe(true);
  });

  it('stops after completion by default, and can be told not to', () => {
    const history = [record('shown', daysAgo(1)), record('completed', daysAgo(1))];
    expect(checkFrequency('nps', rules({}), history, NOW).ok).toBe(false);
    expect(checkFrequency('nps', rules({ stopAfterComplete: false }), history, NOW).ok).toBe(true);
  });

  it('caps displays at maxDisplays', () => {
    const twice = [record('shown', daysAgo(9)), record('shown', daysAgo(5))];
    expect(checkFrequency('nps', rules({ maxDisplays: 3 }), twice, NOW).ok).toBe(true);
    const capped = checkFrequency('nps', rules({ maxDisplays: 2 }), twice, NOW);
    expect(capped).toEqual({ ok: false, reason: 'it was shown 2 times, the limit is 2' });
  });

  it('waits minDaysBetween after the latest display; exactly N days later it may show again', () => {
    const history = [record('shown', daysAgo(40)), record('shown', daysAgo(7))];
    const freq = rules({ minDaysBetween: 7 });
    expect(checkFrequency('nps', freq, history, NOW).ok).toBe(true);
    const oneMsEarly = new Date(NOW.getTime() - 1);
    const waiting = checkFrequency('nps', freq, history, oneMsEarly);
    expect(waiting.ok).toBe(false);
    expect(waiting.reason).toContain('next: 2026-03-15T12:00:00.000Z');
  });

  it('moves with the clock: blocked today, allowed once the days pass', () => {
    const history = [record('shown', NOW)];
    const freq = rules({ minDaysBetween: 60 });
    const at = (days: number) => checkFrequency('nps', freq, history, new Date(NOW.getTime() + days * DAY_MS)).ok;
    expect([at(0), at(30), at(59.9), at(60), at(90)]).toEqual([false, false, false, true, true]);
  });

  it('reads only its own prompt history', () => {
    const others = [record('dismissed', daysAgo(1), 'tour'), record('shown', daysAgo(1), 'tour')];
    expect(checkFrequency('nps', rules({ maxDisplays: 1 }), others, NOW).ok).toBe(true);
  });
});
