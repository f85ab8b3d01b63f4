import { en, type Catalog, type Message, type MessageKey } from './en.js';

export type { Catalog, MessageKey, Message } from './en.js';

/**
 * English ships with the runtime (it is also the fallback); the other catalogs are chunks of a few
 * hundred bytes fetched only for users who need them, so adding locales and widget strings never
 * grows the runtime budget.
 */
const catalogs = {
  en: async () => en,
  id: async () => (await import('./id.js')).id,
  ms: async () => (await import('./ms.js')).ms,
  nb: async () => (await import('./nb.js')).nb,
  ar: async () => (await import('./ar.js')).ar,
} satisfies Record<string, () => Promise<Catalog>>;
export type Locale = keyof typeof catalogs;
export const LOCALES = Object.keys(catalogs) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

/** Languages we map onto a shipped catalog: Norwegian (`no`) and Nynorsk readers get Bokmål. */
const ALIASES = new Map<string, Locale>([
  ['no', 'nb'],
  ['nn', 'nb'],
]);

function toLocale(tag: string): Locale | undefined {
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (Object.hasOwn(catalogs, language)) return language as Locale;
  return ALIASES.get(language);
}

/**
 * First supported locale among the candidates, in order (init/identify locale, then the browser's
 * `navigator.languages`); `nb-NO` → `nb`, anything unknown → `en`.
 */
export function resolveLocale(...candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const tag of candidates) {
    const locale = tag ? toLocale(tag) : undefined;
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The requested locale (from init or identify), else the browser's preferences, else English. */
export const localeFor = (requested: string | undefined, doc: Document): Locale =>
  resolveLocale(requested, ...(doc.defaultView?.navigator.languages ?? []));

export const isRtl = (locale: Locale): boolean => locale === 'ar';

export interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** A catalog message with `{name}` slots filled; numbers go through `Intl.NumberFormat`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  formatNumber(value: number): string;
  formatDate(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

/** The locale's catalog; English strings (still in the locale's direction) if its chunk fails to load. */
export async function loadI18n(locale: Locale): Promise<I18n> {
  return createI18n(locale, await catalogs[locale]().catch(() => en));
}

export function createI18n(locale: Locale, catalog: Catalog): I18n {
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const formatNumber = (value: number) => numbers.format(value);
  return {
    locale,
    dir: isRtl(locale) ? 'rtl' : 'ltr',
    formatNumber,
    formatDate: (value, options) => new Intl.DateTimeFormat(locale, options).format(value),
    t(key, params = {}) {
      const message: Message = catalog[key];
      const count = params.count;
      const text =
        typeof message === 'string'
          ? message
          : (typeof count === 'number' ? message[plurals.select(count)] : undefined) ?? message.other;
      return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
        const value = params[name];
        if (value === undefined) return slot;
        return typeof value === 'number' ? formatNumber(value) : value;
      });
    },
  };
}
