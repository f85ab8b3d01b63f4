import { audienceSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { ROW_DEFAULTS, fromAudience, rowErrors, toAudience, type AudienceDraft } from './audience-builder.js';

const draft: AudienceDraft = {
  match: 'all',
  rows: [
    { ...ROW_DEFAULTS.trait, name: 'plan', value: 'pro' },
    { ...ROW_DEFAULTS.trait, name: 'seats', op: 'gt', value: '5' },
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
      ],
    };
    expect(rowErrors(bad)).toEqual({
      'rows.0.name': 'trait must not be empty',
      'rows.1.value': 'percent must be 0–100',
      'rows.2.value': 'locales look like "en" or "ar-SA"',
      'rows.3.value': 'count must be a whole number',
    });
  });

  it('reads flat audiences back into rows, and refuses nested ones', () => {
    const audience = audienceSchema.parse(toAudience(draft));
    expect(fromAudience(audience)).toEqual(draft);
    expect(fromAudience({ type: 'not', rule: { type: 'sample', percent: 5 } })).toBeNull();
  });
});
