import { earningRuleSchema, type EarningRule } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time.js';
import { awardKey, capWindows, rulesFor } from './rules.js';

const rule = (input: Record<string, unknown>): EarningRule => earningRuleSchema.parse({ title: 'T', points: 1, ...input });
const rules = [
  rule({ id: 'server-export', on: { type: 'event', event: 'report_exported', where: { format: 'pdf' } } }),
  rule({ id: 'client-login', on: { type: 'event', event: 'logged_in', source: 'client' }, caps: { perDay: 1 } }),
  rule({ id: 'any-item', on: { type: 'checklistItem', checklistId: 'onboarding' } }),
  rule({ id: 'nps', on: { type: 'surveyAnswered', surveyId: 'nps' } }),
];
const ids = (found: EarningRule[]) => found.map((r) => r.id);
const event = (name: string, origin: 'server' | 'client', properties = {}) => ({ type: 'event' as const, name, properties, origin });

describe('rulesFor', () => {
  it('lets server events feed every event rule, browser events only client rules', () => {
    expect(ids(rulesFor(rules, event('report_exported', 'server', { format: 'pdf' })))).toEqual(['server-export']);
    expect(ids(rulesFor(rules, event('report_exported', 'client', { format: 'pdf' })))).toEqual([]);
    expect(ids(rulesFor(rules, event('logged_in', 'client')))).toEqual(['client-login']);
    expect(ids(rulesFor(rules, event('logged_in', 'server')))).toEqual(['client-login']);
  });

  it('applies the property filter', () => {
    expect(ids(rulesFor(rules, event('report_exported', 'server', { format: 'csv' })))).toEqual([]);
    expect(ids(rulesFor(rules, event('report_exported', 'server')))).toEqual([]);
  });

  it('matches built-in sources by id, an absent item id meaning any item', () => {
    expect(ids(rulesFor(rules, { type: 'checklistItem', checklistId: 'onboarding', itemId: 'x' }))).toEqual(['any-item']);
    expect(ids(rulesFor(rules, { type: 'checklistItem', checklistId: 'other', itemId: 'x' }))).toEqual([]);
    expect(ids(rulesFor(rules, { type: 'surveyAnswered', surveyId: 'nps' }))).toEqual(['nps']);
    expect(ids(rulesFor(rules, { type: 'checklistComplete', checklistId: 'onboarding' }))).toEqual([]);
  });
});

describe('capWindows', () => {
  it('turns caps into rolling windows', () => {
    const now = 100 * DAY_MS;
    expect(capWindows({ oncePerUser: true, perDay: 2, perWeek: 5, perMonth: 9 }, now).windows).toEqual([
      { since: 0, max: 1 },
      { since: now - DAY_MS, max: 2 },
      { since: now - 7 * DAY_MS, max: 5 },
      { since: now - 30 * DAY_MS, max: 9 },
    ]);
    expect(capWindows({ oncePerUser: false }, now).windows).toEqual([]);
  });

  it('keys an award by rule, user and happening', () => {
    expect(awardKey('r', 'u', 'event:m1')).not.toBe(awardKey('r', 'u2', 'event:m1'));
    expect(awardKey('r', 'u', 'event:m1')).toBe(awardKey('r', 'u', 'event:m1'));
  });
});
