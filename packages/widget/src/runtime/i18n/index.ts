import { en, type Catalog, type Message, type MessageKey } from './en.js';

export type { Catalog, MessageKey, Message } from './en.js';

/**
 * English ships with the runtime (it is also the fallback); the other catalogs are chunks of a few
 * hundred bytes fetched only for users who need them, so adding locales and widget strings never
 * grows the runtime budget.
 */
const catalogs = {
  en: async () => en,
  id: () => import('./id.js').then((m) => m.id),
  ms: () => import('./ms.js').then((m) => m.ms),
  nb: () => import('./nb.js').then((m) => m.nb),
  ar: () => import('./ar.js').then((m) => m.ar),
} satisfies Record<string, () => Promise<Catalog>>;
export type Locale = keyof typeof catalogs;
export const LOCALES = Object.keys(catalogs) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

function toLocale(tag: string): Locale | undefined {
  const language = tag.toLowerCase().split(/[-_]/)[0]!;
  if (Object.hasOwn(catalogs, language)) return language as Locale;
  // Norwegian (`no`) and Nynorsk (`nn`) readers get the Bokmål catalog.
  return language === 'no' || language === 'nn' ? 'nb' : undefined;
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

export interface I18n<K extends string = MessageKey> {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** A catalog message with `{name}` slots filled; numbers go through `Intl.NumberFormat`. */
  t(key: K, params?: Record<string, string | number>): string;
  formatNumber(value: number): string;
  formatDate(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

/** Messages by key: the runtime's catalog, or one widget's own. */
export type Messages = Record<string, Message>;
/** One loader per locale: English resolves at once (it is also the fallback), the others are lazy chunks. */
type Loaders<C extends Messages> = Record<Locale, () => Promise<C>>;
/**
 * A widget's own catalogs, loaded like the runtime's. Its keys must not shadow the runtime's: a
 * widget shares `done`, `send`… rather than redefining them.
 */
export type Catalogs<C extends Messages> = Loaders<C & { [key in MessageKey]?: never }>;

/** The locale's catalog; English strings (still in the locale's direction) if its chunk fails to load. */
const load = <C extends Messages>(from: Loaders<C>, locale: Locale) => from[locale]().catch(from.en);

/**
 * The runtime's messages for the locale, plus the widget's own `catalogs` when given: widgets keep
 * their strings out of the runtime chunk, yet share its locale, fallback, plural rules and formats.
 */
export async function loadI18n<C extends Messages = Catalog>(
  locale: Locale,
  own?: Catalogs<C>,
): Promise<I18n<MessageKey | (keyof C & string)>> {
  const [base, extra] = await Promise.all([load<Catalog>(catalogs, locale), own && load(own, locale)]);
  return createI18n(locale, { ...base, ...extra } as Record<MessageKey | (keyof C & string), Message>);
}

/**
 * Locales whose Intl output for a whole number from 0 to 999 is that number's ASCII digits (no
 * grouping, no native digits): every shipped catalog but Arabic (checked against Intl in the tests).
 */
const PLAIN_SMALL_NUMBERS: ReadonlySet<Locale> = new Set(['en', 'id', 'ms', 'nb']);

export function createI18n<K extends string>(locale: Locale, catalog: Record<K, Message>): I18n<K> {
  // Intl objects are built on first use, not here: a page's first `Intl.NumberFormat` loads ICU
  // data for 15–40 ms, which would land in the task that renders the widget. The counts and
  // badges widgets show are small whole numbers, which most locales write as plain digits.
  let numbers: Intl.NumberFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  const dates = new Map<string, Intl.DateTimeFormat>();
  const plain = PLAIN_SMALL_NUMBERS.has(locale);
  const formatNumber = (value: number) =>
    plain && Number.isInteger(value) && value >= 0 && value < 1000
      ? String(value)
      : (numbers ??= new Intl.NumberFormat(locale)).format(value);
  return {
    locale,
    dir: isRtl(locale) ? 'rtl' : 'ltr',
    formatNumber,
    // One formatter per set of options: a feed formats a date per item on every render.
    formatDate(value, options = {}) {
      const key = JSON.stringify(options);
      let format = dates.get(key);
      if (!format) dates.set(key, (format = new Intl.DateTimeFormat(locale, options)));
      return format.format(value);
    },
    t(key, params = {}) {
      const message: Message = catalog[key];
      const count = params.count;
      const text =
        typeof message === 'string'
          ? message
          : ((typeof count === 'number' ? message[(plurals ??= new Intl.PluralRules(locale)).select(count)] : undefined) ?? message.other);
      return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
        const value = params[name];
        if (value === undefined) return slot;
        return typeof value === 'number' ? formatNumber(value) : value;
      });
    },
  };
}
