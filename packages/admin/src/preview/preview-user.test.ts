import { describe, expect, it } from 'vitest';
import { localeOfUser, previewSearchParams, previewUserOf, SAMPLE_USER } from './preview-user.js';

const ada = {
  userId: 'usr_ada',
  traits: { name: 'Ada Lovelace', plan: 'pro', locale: 'fr-CA' },
  firstSeen: '2026-01-01T00:00:00Z',
  lastSeen: '2026-01-02T00:00:00Z',
};

describe('preview user', () => {
  it('searches a trait for key:value and an id prefix otherwise, naming a malformed trait', () => {
    expect(previewSearchParams(' plan:pro ')).toEqual({ params: { trait: 'plan:pro' } });
    expect(previewSearchParams('usr_a')).toEqual({ params: { q: 'usr_a' } });
    expect(previewSearchParams('')).toEqual({ params: {} });
    expect(previewSearchParams(':pro').error).toBe('expected key:value, e.g. plan:pro');
  });

  it('labels a real user by id and name, keeping every trait for the placeholders', () => {
    expect(previewUserOf(ada)).toEqual({ userId: 'usr_ada', label: 'usr_ada (Ada Lovelace)', traits: ada.traits });
    expect(previewUserOf({ ...ada, traits: { email: '' } }).label).toBe('usr_ada');
  });

  it("previews in the offered locale closest to the user's locale trait, else keeps the current one", () => {
    expect(localeOfUser(previewUserOf(ada), ['en', 'fr'])).toBe('fr');
    expect(localeOfUser(previewUserOf(ada), ['en', 'nb'])).toBeNull();
    expect(localeOfUser(previewUserOf({ ...ada, traits: { language: 'nb' } }), ['en', 'nb'])).toBe('nb');
    expect(localeOfUser(SAMPLE_USER, ['en', 'fr'])).toBeNull();
  });
});
