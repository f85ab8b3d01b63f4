import { describe, expect, it } from 'vitest';
import { loadI18n, localeFor, resolveLocale } from './index.js';

describe('resolveLocale', () => {
  it('takes the first supported candidate, matching on the language subtag', () => {
    expect(resolveLocale('nb-NO')).toBe('nb');
    expect(resolveLocale(undefined, 'fr-FR', 'ms_MY', 'id')).toBe('ms');
    expect(resolveLocale('AR-eg')).toBe('ar');
  });

  it('maps Norwegian and Nynorsk to Bokmål, and anything unknown to English', () => {
    expect(resolveLocale('no')).toBe('nb');
    expect(resolveLocale('nn-NO')).toBe('nb');
    expect(resolveLocale('xx', '', null)).toBe('en');
    expect(resolveLocale()).toBe('en');
    expect(resolveLocale('constructor')).toBe('en');
  });

  it('prefers the requested locale over the browser languages', () => {
    expect(localeFor('id', document)).toBe('id');
    expect(localeFor('zz', document)).toBe(resolveLocale(...navigator.languages));
  });
});

describe('createI18n', () => {
  it('fills slots with numbers formatted for the locale', async () => {
    const ar = await loadI18n('ar');
    const format = new Intl.NumberFormat('ar');
    expect(ar.t('progress', { done: 2, total: 5 })).toBe(`${format.format(2)} من ${format.format(5)}`);
    expect((await loadI18n('nb')).t('progress', { done: 1200, total: 1500 })).toBe(
      `${new Intl.NumberFormat('nb').format(1200)} av ${new Intl.NumberFormat('nb').format(1500)}`,
    );
  });

  it('picks the plural form of count by the locale rules', async () => {
    const en = await loadI18n('en');
    expect(en.t('stepsLeft', { count: 1 })).toBe('1 step left');
    expect(en.t('stepsLeft', { count: 3 })).toBe('3 steps left');
    const ar = await loadI18n('ar');
    expect(ar.t('stepsLeft', { count: 2 })).toBe('خطوتان متبقيتان');
    expect(ar.t('stepsLeft', { count: 1 })).toBe('خطوة واحدة متبقية');
  });

  it('is right-to-left for Arabic only', async () => {
    expect((await loadI18n('ar')).dir).toBe('rtl');
    expect((await loadI18n('ms')).dir).toBe('ltr');
  });

  it('formats dates through Intl', async () => {
    const date = Date.UTC(2025, 0, 15);
    const options = { dateStyle: 'long', timeZone: 'UTC' } as const;
    expect((await loadI18n('id')).formatDate(date, options)).toBe(new Intl.DateTimeFormat('id', options).format(date));
    expect((await loadI18n('id')).formatDate(date, options)).not.toBe((await loadI18n('en')).formatDate(date, options));
  });
});
