import { audienceSchema, type AudienceRule } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { ROW_DEFAULTS, fromAudience, rowErrors, toAudience, type AudienceDraft } from './audience-builder.js';

const draft: AudienceDraft = {
  match: 'all',
  rows: [
    { ...ROW_DEFAULTS.trait, name: 'plan', value: 'pro' },
    { ...ROW_DEFAULTS.trait, name: 'seats', op: 'gt', value: '5' },
    { ...ROW_DEFAULTS.accountTrait, name: 'plan', value: 'trial' },
    { ...ROW_DEFAULTS.accountTrait, name: 'seats', op: 'lt', value: '10' },
    { ...ROW_DEFAULTS.accountActiveMembers, op: 'lt', value: '3', withinDays: '14' },
    { ...ROW_DEFAULTS.behavior, name: 'Project Created', op: 'atLeast', value: '3', withinDays: '14' },
    { ...ROW_DEFAULTS.inactivity, value: '7' },
    { ...ROW_DEFAULTS.locale, value: 'en, fr-CA' },
    { ...ROW_DEFAULTS.sample, value: '25' },
  ],
};

describe('targeting builder → audience rules', () => {
  it('produces rules the audience schema accepts, with typed values', () => {
    const audience = toAudience(draft);
    expect(audienceSchema.safeParse(audience).success).toBe(true);
    expect(audience).toEqual({
      type: 'all',
      rules: [
        { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
        { type: 'trait', trait: 'seats', op: 'gt', value: 5 },
        { type: 'accountTrait', trait: 'plan', op: 'equals', value: 'trial' },
        { type: 'accountTrait', trait: 'seats', op: 'lt', value: 10 },
        { type: 'accountActiveMembers', op: 'lt', count: 3, withinDays: 14 },
        { type: 'behavior', event: 'Project Created', op: 'atLeast', count: 3, withinDays: 14 },
        { type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 7 },
        { type: 'locale', in: ['en', 'fr-CA'] },
        { type: 'sample', percent: 25 },
      ],
    });
    expect(rowErrors(draft)).toEqual({});
  });

  it('uses no audience for no rows and the bare rule for one row', () => {
    expect(toAudience({ match: 'any', rows: [] })).toBeUndefined();
    expect(toAudience({ match: 'any', rows: [draft.rows[0]!] })).toEqual({ type: 'trait', trait: 'plan', op: 'equals', value: 'pro' });
  });

  it('names the failing input of each bad row', () => {
    const bad: AudienceDraft = {
      match: 'any',
      rows: [
        { ...ROW_DEFAULTS.trait, name: '', value: 'x' },
        { ...ROW_DEFAULTS.sample, value: '150' },
        { ...ROW_DEFAULTS.locale, value: 'english!' },
        { ...ROW_DEFAULTS.behavior, name: 'Signed In', value: '1.5' },
        { ...ROW_DEFAULTS.accountTrait, name: 'seats', op: 'gt', value: 'many' },
        { ...ROW_DEFAULTS.accountActiveMembers, value: '-1' },
        { ...ROW_DEFAULTS.accountActiveMembers, withinDays: '0' },
      ],
    };
    expect(rowErrors(bad)).toEqual({
      'rows.0.name': 'trait must not be empty',
      'rows.1.value': 'percent must be 0–100',
      'rows.2.value': 'locales look like "en" or "ar-SA"',
      'rows.3.value': 'count must be a whole number',
      'rows.4.value': 'Invalid input: expected number, received string',
      'rows.5.value': 'count must not be negative',
      'rows.6.withinDays': 'days must be greater than 0',
    });
  });

  it('reads flat audiences back into rows, and refuses nested ones', () => {
    const audience = audienceSchema.parse(toAudience(draft));
    expect(fromAudience(audience)).toEqual(draft);
    expect(fromAudience({ type: 'not', rule: { type: 'sample', percent: 5 } })).toBeNull();
  });

  it('opens every account rule a row can hold, and writes it back exactly', () => {
    const rules: AudienceRule[] = [
      { type: 'accountTrait', trait: 'plan', op: 'notEquals', value: 'pro' },
      { type: 'accountTrait', trait: 'beta', op: 'equals', value: true },
      { type: 'accountTrait', trait: 'plan', op: 'exists' },
      { type: 'accountActiveMembers', op: 'gte', count: 10, withinDays: 0.5 },
    ];
    const audience = audienceSchema.parse({ type: 'any', rules });
    const rows = fromAudience(audience);
    expect(rows?.rows.map((row) => row.kind)).toEqual(['accountTrait', 'accountTrait', 'accountTrait', 'accountActiveMembers']);
    expect(toAudience(rows!)).toEqual(audience);
  });

  it('keeps an audience rows would change as it is: a number written as text, null, operators rows lack', () => {
    for (const rule of [
      { type: 'accountTrait', trait: 'seats', op: 'equals', value: '12' },
      { type: 'trait', trait: 'plan', op: 'equals', value: null },
      { type: 'trait', trait: 'beta', op: 'notEquals', value: 'true' },
      { type: 'accountTrait', trait: 'seats', op: 'gte', value: 10 },
      { type: 'sample', percent: 5, salt: 'launch' },
    ] as const) {
      expect(fromAudience({ type: 'all', rules: [{ type: 'sample', percent: 50 }, rule] }), JSON.stringify(rule)).toBeNull();
    }
  });
});
