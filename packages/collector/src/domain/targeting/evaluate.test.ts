import { audienceSchema, type AudienceRule } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { NOW, daysAgo, event, facts } from '../test-helpers.js';
import { DAY_MS } from '../time.js';
import { evaluateAudience, localeMatches } from './evaluate.js';
import type { UserFacts } from './facts.js';

const rule = (input: unknown): AudienceRule => audienceSchema.parse(input);
const matched = (r: AudienceRule, f: UserFacts, now = NOW) => evaluateAudience(r, f, now, { promptId: 'p1' }).matched;

describe('evaluateAudience: empty cases', () => {
  it('no rule means everyone, with a reason', () => {
    const result = evaluateAudience(undefined, facts(), NOW, { promptId: 'p1' });
    expect(result).toEqual({ matched: true, reasons: ['no audience rules: everyone is in the audience'], checks: [] });
  });

  it('a user with no traits, events or dates matches nothing but negations', () => {
    const none = facts({ rule: rule({ type: 'behavior', event: 'x', op: 'atLeast', count: 1 }) });
    expect(matched(rule({ type: 'trait', trait: 'plan', op: 'exists' }), none)).toBe(false);
    expect(matched(rule({ type: 'lifecycle', measure: 'daysSinceFirstSeen', op: 'lte', days: 7 }), none)).toBe(false);
    expect(matched(rule({ type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 7 }), none)).toBe(false);
    expect(matched(rule({ type: 'locale', in: ['en'] }), none)).toBe(false);
    expect(matched(rule({ type: 'behavior', event: 'x', op: 'atLeast', count: 1 }), none)).toBe(false);
    expect(matched(rule({ type: 'not', rule: { type: 'trait', trait: 'plan', op: 'exists' } }), none)).toBe(true);
  });
});

describe('evaluateAudience: behaviour', () => {
  const events = [event('report_viewed', daysAgo(1)), event('report_viewed', daysAgo(5)), event('report_viewed', daysAgo(7))];
  const check = (input: unknown) => {
    const r = rule(input);
    return matched(r, facts({ rule: r, events }));
  };

  it('atLeast / atMost count within the window', () => {
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'atLeast', count: 2, withinDays: 5 })).toBe(true);
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'atLeast', count: 3, withinDays: 5 })).toBe(false);
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'atMost', count: 1, withinDays: 4 })).toBe(true);
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'atMost', count: 2, withinDays: 30 })).toBe(false);
  });

  it('an event exactly D days ago is inside the window; a millisecond earlier is not', () => {
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'atLeast', count: 3, withinDays: 7 })).toBe(true);
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'atLeast', count: 3, withinDays: 7 - 1 / DAY_MS })).toBe(false);
  });

  it('without withinDays every event counts; never means zero', () => {
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'atLeast', count: 3 })).toBe(true);
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'never' })).toBe(false);
    expect(check({ type: 'behavior', event: 'report_viewed', op: 'never', withinDays: 0.5 })).toBe(true);
    expect(check({ type: 'behavior', event: 'export_done', op: 'never' })).toBe(true);
    expect(check({ type: 'behavior', event: 'export_done', op: 'atMost', count: 0 })).toBe(true);
    expect(check({ type: 'behavior', event: 'export_done', op: 'atLeast', count: 0 })).toBe(true);
  });

  it('says how often the user did it', () => {
    const r = rule({ type: 'behavior', event: 'report_viewed', op: 'atLeast', count: 5, withinDays: 30 });
    const result = evaluateAudience(r, facts({ rule: r, events }), NOW, { promptId: 'p1' });
    expect(result.reasons).toEqual(['did "report_viewed" at least 5 times in the last 30 days: the user did it 3 times']);
  });
});

describe('evaluateAudience: lifecycle', () => {
  const tenure = (op: 'gte' | 'lte', days: number, firstSeen: Date) =>
    matched(rule({ type: 'lifecycle', measure: 'daysSinceFirstSeen', op, days }), facts({ firstSeen }));

  it('exactly N days satisfies both gte N and lte N', () => {
    expect(tenure('gte', 7, daysAgo(7))).toBe(true);
    expect(tenure('lte', 7, daysAgo(7))).toBe(true);
  });

  it('one millisecond either side of N days flips one of them', () => {
    const justUnder = new Date(daysAgo(7).getTime() + 1);
    const justOver = new Date(daysAgo(7).getTime() - 1);
    expect(tenure('gte', 7, justUnder)).toBe(false);
    expect(tenure('lte', 7, justOver)).toBe(false);
  });

  it('inactivity reads lastSeen, not firstSeen', () => {
    const user = facts({ firstSeen: daysAgo(100), lastSeen: daysAgo(20) });
    expect(matched(rule({ type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 14 }), user)).toBe(true);
    expect(matched(rule({ type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 30 }), user)).toBe(false);
  });
});

describe('evaluateAudience: locale', () => {
  it('a bare language matches its regions, not the other way round', () => {
    expect(localeMatches('ar-SA', 'ar')).toBe(true);
    expect(localeMatches('ar_sa', 'ar-SA')).toBe(true);
    expect(localeMatches('ar', 'ar-SA')).toBe(false);
    expect(localeMatches('ar-EG', 'ar-SA')).toBe(false);
    expect(localeMatches('arn', 'ar')).toBe(false);
  });

  it('matches when any listed locale matches', () => {
    const r = rule({ type: 'locale', in: ['nb', 'ms'] });
    expect(matched(r, facts({ locale: 'nb-NO' }))).toBe(true);
    expect(matched(r, facts({ locale: 'en-GB' }))).toBe(false);
  });
});

describe('evaluateAudience: sampling', () => {
  it('0 % takes nobody and 100 % everybody', () => {
    for (const userId of ['a', 'b', 'c', 'user-42']) {
      expect(matched(rule({ type: 'sample', percent: 0 }), facts({ userId }))).toBe(false);
      expect(matched(rule({ type: 'sample', percent: 100 }), facts({ userId }))).toBe(true);
    }
  });

  it('is salted by prompt id unless the rule names a salt', () => {
    const r = rule({ type: 'sample', percent: 50 });
    const inFor = (promptId: string) =>
      Array.from({ length: 200 }, (_, i) => evaluateAudience(r, facts({ userId: `u${i}` }), NOW, { promptId }).matched);
    expect(inFor('survey-a')).not.toEqual(inFor('survey-b'));
    const shared = rule({ type: 'sample', percent: 50, salt: 'q3' });
    const sharedFor = (promptId: string) =>
      Array.from({ length: 200 }, (_, i) => evaluateAudience(shared, facts({ userId: `u${i}` }), NOW, { promptId }).matched);
    expect(sharedFor('survey-a')).toEqual(sharedFor('survey-b'));
  });
});

describe('evaluateAudience: combinators and reasons', () => {
  const admin = facts({ traits: { role: 'admin', plan: 'free' }, locale: 'en-US' });
  const roleIs = (value: string) => ({ type: 'trait', trait: 'role', op: 'equals', value });
  const planIs = (value: string) => ({ type: 'trait', trait: 'plan', op: 'equals', value });

  it('all needs every rule and reports each failing one with its path', () => {
    const result = evaluateAudience(rule({ type: 'all', rules: [roleIs('admin'), planIs('pro'), roleIs('owner')] }), admin, NOW, {
      promptId: 'p',
    });
    expect(result.matched).toBe(false);
    expect(result.checks.map((c) => c.path)).toEqual(['rules.1', 'rules.2']);
    expect(result.reasons).toEqual([
      'trait "plan" equals "pro": the user\'s value is "free"',
      'trait "role" equals "owner": the user\'s value is "admin"',
    ]);
  });

  it('any needs one rule and, when it matches, cites only the matching ones', () => {
    const result = evaluateAudience(rule({ type: 'any', rules: [planIs('pro'), roleIs('admin')] }), admin, NOW, { promptId: 'p' });
    expect(result.matched).toBe(true);
    expect(result.checks).toEqual([{ path: 'rules.1', ok: true, reason: 'trait "role" equals "admin": the user\'s value is "admin"' }]);
    expect(matched(rule({ type: 'any', rules: [planIs('pro'), roleIs('owner')] }), admin)).toBe(false);
  });

  it('not inverts, and its reason says so', () => {
    const result = evaluateAudience(rule({ type: 'not', rule: roleIs('admin') }), admin, NOW, { promptId: 'p' });
    expect(result.matched).toBe(false);
    expect(result.checks).toEqual([{ path: 'rule', ok: false, reason: 'NOT (trait "role" equals "admin": the user\'s value is "admin")' }]);
  });

  it('nests: admins on a paid plan, or anyone outside English', () => {
    const r = rule({
      type: 'any',
      rules: [
        { type: 'all', rules: [roleIs('admin'), { type: 'not', rule: planIs('free') }] },
        { type: 'not', rule: { type: 'locale', in: ['en'] } },
      ],
    });
    expect(matched(r, admin)).toBe(false);
    expect(matched(r, facts({ traits: { role: 'admin', plan: 'team' }, locale: 'en' }))).toBe(true);
    expect(matched(r, facts({ traits: {}, locale: 'id-ID' }))).toBe(true);
    const failed = evaluateAudience(r, admin, NOW, { promptId: 'p' });
    expect(failed.checks.map((c) => c.path)).toEqual(['rules.0.rules.1.rule', 'rules.1.rule']);
  });
});

describe('evaluateAudience: the active account', () => {
  const acme = { accountId: 'acme', traits: { plan: 'trial', seats: 5 }, activeMembers: new Map([[7, 2]]), firstEvents: new Map() };
  const result = (input: unknown, account: typeof acme | null) =>
    evaluateAudience(rule(input), facts({ account }), NOW, { promptId: 'p1' });

  it('account traits compare typed, and say whose value it was', () => {
    expect(result({ type: 'accountTrait', trait: 'plan', op: 'equals', value: 'trial' }, acme)).toMatchObject({
      matched: true,
      reasons: ['account trait "plan" equals "trial": account "acme"\'s value is "trial"'],
    });
    expect(result({ type: 'accountTrait', trait: 'seats', op: 'lt', value: 10 }, acme).matched).toBe(true);
    expect(result({ type: 'accountTrait', trait: 'seats', op: 'equals', value: '5' }, acme).matched).toBe(false);
    expect(result({ type: 'accountTrait', trait: 'plan', op: 'gt', value: 1 }, acme).reasons).toEqual([
      'account trait "plan" > 1: "trial" is not a number',
    ]);
  });

  it('active members in a window', () => {
    expect(result({ type: 'accountActiveMembers', op: 'lt', count: 3, withinDays: 7 }, acme)).toMatchObject({
      matched: true,
      reasons: ['active members of the account in the last 7 days < 3: 2 members were active'],
    });
    expect(result({ type: 'accountActiveMembers', op: 'gte', count: 3, withinDays: 7 }, acme).matched).toBe(false);
  });

  it('a user in no account fails every account rule but notEquals', () => {
    expect(result({ type: 'accountActiveMembers', op: 'lt', count: 3, withinDays: 7 }, null)).toMatchObject({
      matched: false,
      reasons: ['active members of the account in the last 7 days < 3: the user is in no account'],
    });
    expect(result({ type: 'accountTrait', trait: 'plan', op: 'exists' }, null).matched).toBe(false);
    expect(result({ type: 'accountTrait', trait: 'plan', op: 'notEquals', value: 'trial' }, null).matched).toBe(true);
  });

  it('asking for an account that was not loaded is a bug, not a silent "no"', () => {
    expect(() => evaluateAudience(rule({ type: 'accountTrait', trait: 'plan', op: 'exists' }), facts(), NOW, { promptId: 'p1' })).toThrow(
      /active account was not loaded/,
    );
  });
});
