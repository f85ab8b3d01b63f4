import { describe, expect, it } from 'vitest';
import { ar } from './ar.js';
import { catalogProblems } from './catalog-problems.js';
import { en } from './en.js';
import { id } from './id.js';
import { loadI18n, localeFor, LOCALES, resolveLocale, type Catalogs } from './index.js';
import { ms } from './ms.js';
import { nb } from './nb.js';

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
    expect(ar.t('stepsLeft', { count: 2 })).toBe(`خطوتان متبقيتان (${ar.formatNumber(2)})`);
    expect(ar.t('stepsLeft', { count: 1 })).toBe(`خطوة واحدة متبقية (${ar.formatNumber(1)})`);
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

describe('formatNumber', () => {
  it('writes exactly what Intl writes, in every locale, on and off the small-whole-number fast path', async () => {
    const samples = [...Array.from({ length: 1001 }, (_, n) => n), 1234, 1_250_000, -3, 2.5];
    for (const locale of LOCALES) {
      const { formatNumber } = await loadI18n(locale);
      const intl = new Intl.NumberFormat(locale);
      expect(samples.map(formatNumber), locale).toEqual(samples.map((n) => intl.format(n)));
    }
  });
});

describe('catalogs', () => {
  it('give every locale exactly the English keys, its own plural forms and the English slots', () => {
    expect(catalogProblems({ en, id, ms, nb, ar })).toEqual([]);
  });

  it('reports missing and extra keys, foreign plural forms and changed slots', () => {
    const english = { hello: 'Hi {name}', items: { one: '{count} item', other: '{count} items' } };
    const problems = catalogProblems({
      en: english,
      id: { hello: 'Halo {nama}', items: '{count} barang' },
      ms: { items: '{count} barang' },
      nb: { ...english, extra: 'Ekstra' },
      ar: { hello: 'مرحبًا {name}', items: { one: 'عنصر واحد', two: 'عنصران', other: 'عنصر' } },
    });
    expect(problems).toEqual([
      'id: hello lacks {name}',
      'id: hello has unknown {nama}',
      'ms: missing hello',
      'nb: extra is not an English key',
      'ar: items.other lacks {count}',
    ]);
    // Bokmål has no `few`: a form its plural rules never pick is a translation mistake.
    const malay = { ...english, items: '{count} barang' };
    const bokmal = { ...english, items: { one: '{count} ting', few: '{count} ting', other: '{count} ting' } };
    expect(catalogProblems({ en: english, id: malay, ms: malay, ar: english, nb: bokmal })).toEqual([
      'nb: items.few is not a plural form of nb',
    ]);
  });
});

describe('loadI18n with a widget catalog', () => {
  const own: Catalogs<{ greet: string }> = {
    en: async () => ({ greet: 'Hello {name}' }),
    id: async () => ({ greet: 'Halo {name}' }),
    ms: async () => ({ greet: 'Helo {name}' }),
    nb: async () => ({ greet: 'Hei {name}' }),
    ar: () => Promise.reject(new Error('chunk failed to load')),
  };

  const pass = async () => ({ skip: 'Pass' });
  // @ts-expect-error: `skip` is a runtime key; a widget uses it rather than redefining it.
  const _shadowing: Catalogs<{ skip: string }> = { en: pass, id: pass, ms: pass, nb: pass, ar: pass };

  it('adds the widget messages to the runtime ones of the same locale', async () => {
    const i18n = await loadI18n('nb', own);
    expect(i18n.t('greet', { name: 'Kari' })).toBe('Hei Kari');
    expect(i18n.t('skip')).toBe('Hopp over');
  });

  it('falls back to the widget English when its locale chunk fails, keeping the direction', async () => {
    const i18n = await loadI18n('ar', own);
    expect(i18n.t('greet', { name: 'Sami' })).toBe('Hello Sami');
    expect(i18n.t('skip')).toBe('تخطَّ');
    expect(i18n.dir).toBe('rtl');
  });
});
