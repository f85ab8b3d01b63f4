import { describe, expect, it } from 'vitest';
import { servedLocale } from './served-locale.js';

describe('servedLocale', () => {
  const locales = { default: 'en', supported: ['en', 'fr', 'pt-BR'] };

  it("keeps the user's locale when the project does not list its languages", () => {
    expect(servedLocale(undefined, 'de')).toBe('de');
    expect(servedLocale(undefined, null)).toBeNull();
  });

  it('serves a supported locale, exactly or by its language', () => {
    expect(servedLocale(locales, 'pt-BR')).toBe('pt-BR');
    expect(servedLocale(locales, 'fr-CA')).toBe('fr');
  });

  it('serves the default to users without a locale or with one the project does not offer', () => {
    expect(servedLocale(locales, null)).toBe('en');
    expect(servedLocale(locales, 'de-DE')).toBe('en');
  });
});
