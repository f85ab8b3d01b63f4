import { traitConditionSchema, type JsonValue } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { NOW, daysAgo } from '../test-helpers.js';
import { DAY_MS } from '../time.js';
import { evaluateTrait } from './trait.js';

const traits: Record<string, JsonValue> = {
  plan: 'pro',
  seats: 12,
  tags: ['beta', 'eu'],
  email: 'ana@example.com',
  cancelled: null,
  verified: false,
  signedUpAt: daysAgo(3).toISOString(),
  trialEndsAt: new Date(NOW.getTime() + 2 * DAY_MS).toISOString(),
  lastPaidMs: daysAgo(10).getTime(),
};

const run = (condition: Record<string, unknown>, values: Record<string, JsonValue> = traits) =>
  evaluateTrait(traitConditionSchema.parse({ type: 'trait', ...condition }), values, NOW).ok;

describe('evaluateTrait', () => {
  it('equals / notEquals compare strictly (no type coercion)', () => {
    expect(run({ trait: 'plan', op: 'equals', value: 'pro' })).toBe(true);
    expect(run({ trait: 'plan', op: 'equals', value: 'Pro' })).toBe(false);
    expect(run({ trait: 'seats', op: 'equals', value: '12' })).toBe(false);
    expect(run({ trait: 'verified', op: 'equals', value: false })).toBe(true);
    expect(run({ trait: 'cancelled', op: 'equals', value: null })).toBe(true);
    expect(run({ trait: 'plan', op: 'notEquals', value: 'free' })).toBe(true);
    expect(run({ trait: 'plan', op: 'notEquals', value: 'pro' })).toBe(false);
  });

  it('in matches any listed value', () => {
    expect(run({ trait: 'plan', op: 'in', values: ['team', 'pro'] })).toBe(true);
    expect(run({ trait: 'plan', op: 'in', values: ['team', 'free'] })).toBe(false);
    expect(run({ trait: 'seats', op: 'in', values: [12] })).toBe(true);
  });

  it('contains searches strings and arrays', () => {
    expect(run({ trait: 'email', op: 'contains', value: '@example.com' })).toBe(true);
    expect(run({ trait: 'email', op: 'contains', value: '@acme.com' })).toBe(false);
    expect(run({ trait: 'tags', op: 'contains', value: 'beta' })).toBe(true);
    expect(run({ trait: 'tags', op: 'contains', value: 'be' })).toBe(false);
    expect(run({ trait: 'seats', op: 'contains', value: 1 })).toBe(false);
  });

  it('gt / gte / lt / lte on numbers, boundaries included or not', () => {
    expect(run({ trait: 'seats', op: 'gt', value: 11 })).toBe(true);
    expect(run({ trait: 'seats', op: 'gt', value: 12 })).toBe(false);
    expect(run({ trait: 'seats', op: 'gte', value: 12 })).toBe(true);
    expect(run({ trait: 'seats', op: 'lt', value: 12 })).toBe(false);
    expect(run({ trait: 'seats', op: 'lte', value: 12 })).toBe(true);
    expect(run({ trait: 'seats', op: 'lt', value: 13 })).toBe(true);
  });

  it('numeric operators refuse non-numbers and say so', () => {
    const result = evaluateTrait(traitConditionSchema.parse({ type: 'trait', trait: 'plan', op: 'gt', value: 1 }), traits, NOW);
    expect(result).toEqual({ ok: false, reason: 'trait "plan" > 1: "pro" is not a number' });
  });

  it('exists is false for missing and null traits', () => {
    expect(run({ trait: 'plan', op: 'exists' })).toBe(true);
    expect(run({ trait: 'verified', op: 'exists' })).toBe(true);
    expect(run({ trait: 'cancelled', op: 'exists' })).toBe(false);
    expect(run({ trait: 'nickname', op: 'exists' })).toBe(false);
  });

  it('a missing trait fails every operator except notEquals', () => {
    const ops = [
      { op: 'equals', value: 'x' },
      { op: 'in', values: ['x'] },
      { op: 'contains', value: 'x' },
      { op: 'gt', value: 0 },
      { op: 'gte', value: 0 },
      { op: 'lt', value: 0 },
      { op: 'lte', value: 0 },
      { op: 'exists' },
      { op: 'before', value: '2030-01-01' },
      { op: 'after', value: '2000-01-01' },
      { op: 'withinDays', days: 3650 },
    ];
    for (const op of ops) expect(run({ trait: 'missing', ...op }, {})).toBe(false);
    expect(run({ trait: 'missing', op: 'notEquals', value: 'x' }, {})).toBe(true);
  });

  it('does not read inherited properties as traits', () => {
    expect(run({ trait: 'toString', op: 'exists' }, {})).toBe(false);
  });

  it('before / after compare instants, whatever the offsets', () => {
    const at = { joined: '2026-01-10T00:30:00+01:00' }; // 2026-01-09T23:30Z
    expect(run({ trait: 'joined', op: 'before', value: '2026-01-10' }, at)).toBe(true);
    expect(run({ trait: 'joined', op: 'after', value: '2026-01-09T23:00:00Z' }, at)).toBe(true);
    expect(run({ trait: 'joined', op: 'after', value: '2026-01-09T23:30:00Z' }, at)).toBe(false);
    expect(run({ trait: 'joined', op: 'before', value: '2026-01-09T23:30:00Z' }, at)).toBe(false);
  });

  it('reads offset-less date-times as UTC so the server time zone never matters', () => {
    const at = { joined: '2026-01-10T00:30:00' };
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/St_Johns']) {
        process.env.TZ = tz; // Node re-reads TZ on assignment
        expect(run({ trait: 'joined', op: 'after', value: '2026-01-10T00:00:00Z' }, at), tz).toBe(true);
        expect(run({ trait: 'joined', op: 'before', value: '2026-01-10T01:00:00Z' }, at), tz).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('accepts epoch milliseconds and refuses free-form dates', () => {
    expect(run({ trait: 'lastPaidMs', op: 'withinDays', days: 10 })).toBe(true);
    expect(run({ trait: 'lastPaidMs', op: 'withinDays', days: 9.99 })).toBe(false);
    expect(run({ trait: 'when', op: 'before', value: '2030-01-01' }, { when: 'March 7, 2026' })).toBe(false);
  });

  it('withinDays looks back (past) or ahead (future), exactly N days included', () => {
    expect(run({ trait: 'signedUpAt', op: 'withinDays', days: 3 })).toBe(true);
    expect(run({ trait: 'signedUpAt', op: 'withinDays', days: 2.99 })).toBe(false);
    expect(run({ trait: 'trialEndsAt', op: 'withinDays', days: 3 })).toBe(false);
    expect(run({ trait: 'trialEndsAt', op: 'withinDays', days: 2, direction: 'future' })).toBe(true);
    expect(run({ trait: 'trialEndsAt', op: 'withinDays', days: 1, direction: 'future' })).toBe(false);
    expect(run({ trait: 'signedUpAt', op: 'withinDays', days: 30, direction: 'future' })).toBe(false);
  });

  it('names the trait, the rule and the actual value in its reason', () => {
    const result = evaluateTrait(traitConditionSchema.parse({ type: 'trait', trait: 'plan', op: 'equals', value: 'team' }), traits, NOW);
    expect(result.reason).toBe('trait "plan" equals "team": the user\'s value is "pro"');
    const missing = evaluateTrait(traitConditionSchema.parse({ type: 'trait', trait: 'role', op: 'in', values: ['admin'] }), {}, NOW);
    expect(missing.reason).toBe('trait "role" is one of "admin": the user has no "role" trait');
  });
});
