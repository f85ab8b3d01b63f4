import { describe, expect, it } from 'vitest';
import { toErrorIssues } from './error-body.js';
import { MAX_AUDIENCE_DEPTH, audienceSchema, localeTagSchema, triggerSchema } from './targeting.js';

const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return toErrorIssues(result.error as Parameters<typeof toErrorIssues>[0]);
};

describe('audienceSchema', () => {
  it('accepts every rule kind, nested with all / any / not', () => {
    const rule = {
      type: 'all',
      rules: [
        { type: 'trait', trait: 'plan', op: 'in', values: ['team', 'pro'] },
        { type: 'trait', trait: 'signedUpAt', op: 'withinDays', days: 7 },
        { type: 'trait', trait: 'trialEndsAt', op: 'before', value: '2026-04-01' },
        { type: 'behavior', event: 'report_viewed', op: 'atLeast', count: 3, withinDays: 14 },
        { type: 'behavior', event: 'export', op: 'never' },
        { type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 30 },
        {
          type: 'any',
          rules: [
            { type: 'locale', in: ['ar', 'nb-NO'] },
            { type: 'not', rule: { type: 'sample', percent: 12.5 } },
          ],
        },
      ],
    };
    const parsed = audienceSchema.parse(rule);
    expect(parsed).toMatchObject({ type: 'all' });
    // Defaults are filled in: withinDays looks back unless told otherwise.
    expect(JSON.stringify(parsed)).toContain('"direction":"past"');
  });

  it('names the failing field and why', () => {
    expect(issues(audienceSchema, { type: 'all', rules: [{ type: 'trait', trait: 'seats', op: 'gt', value: 'ten' }] })).toEqual([
      { path: 'rules.0.value', message: 'Invalid input: expected number, received string' },
    ]);
    expect(issues(audienceSchema, { type: 'trait', trait: 'plan', op: 'like', value: 'x' })[0]).toMatchObject({ path: 'op' });
    expect(issues(audienceSchema, { type: 'segment' })[0]).toMatchObject({ path: 'type' });
    expect(issues(audienceSchema, { type: 'sample', percent: 101 })).toEqual([{ path: 'percent', message: 'percent must be 0–100' }]);
    expect(issues(audienceSchema, { type: 'behavior', event: 'x', op: 'atLeast', count: 1.5 })).toEqual([
      { path: 'count', message: 'count must be a whole number' },
    ]);
    expect(issues(audienceSchema, { type: 'trait', trait: 'd', op: 'after', value: 'last week' })[0]).toMatchObject({
      path: 'value',
      message: 'expected an ISO 8601 date ("2026-01-31") or date-time with offset',
    });
    expect(issues(audienceSchema, { type: 'any', rules: [] })).toEqual([{ path: 'rules', message: 'rules needs at least one rule' }]);
    expect(issues(audienceSchema, { type: 'locale', in: ['english'] })[0]).toMatchObject({ path: 'in.0' });
  });

  it(`refuses trees deeper than ${MAX_AUDIENCE_DEPTH} levels`, () => {
    let rule: unknown = { type: 'trait', trait: 'x', op: 'exists' };
    for (let i = 1; i < MAX_AUDIENCE_DEPTH; i++) rule = { type: 'not', rule };
    expect(audienceSchema.safeParse(rule).success).toBe(true);
    expect(issues(audienceSchema, { type: 'not', rule })[0]?.message).toBe(`audience rules may nest at most ${MAX_AUDIENCE_DEPTH} levels`);
  });
});

describe('localeTagSchema', () => {
  it('accepts language tags and refuses other strings', () => {
    for (const tag of ['en', 'ar-SA', 'nb-NO', 'zh-Hant-TW', 'ms']) expect(localeTagSchema.safeParse(tag).success).toBe(true);
    for (const tag of ['', 'e', 'english', 'en_US', 'en-', '-en']) expect(localeTagSchema.safeParse(tag).success).toBe(false);
  });
});

describe('triggerSchema', () => {
  it('accepts load, event, url and delay triggers with defaults', () => {
    expect(triggerSchema.parse({ type: 'url', pattern: '/projects/*' })).toEqual({ type: 'url', match: 'glob', pattern: '/projects/*' });
    expect(triggerSchema.parse({ type: 'event', name: 'export_clicked', minCount: 2 })).toMatchObject({ minCount: 2 });
    expect(triggerSchema.parse({ type: 'delay', ms: 5000 })).toEqual({ type: 'delay', ms: 5000 });
    expect(triggerSchema.parse({ type: 'load' })).toEqual({ type: 'load' });
  });

  it('refuses a broken regex and an overlong delay, naming the field', () => {
    expect(issues(triggerSchema, { type: 'url', match: 'regex', pattern: '^/(a' })).toEqual([
      { path: 'pattern', message: 'pattern is not a valid regular expression' },
    ]);
    expect(issues(triggerSchema, { type: 'delay', ms: 3_600_000 })[0]).toMatchObject({ path: 'ms' });
  });
});
