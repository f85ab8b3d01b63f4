import type { Locale, Message, Messages } from './index.js';

/**
 * What is wrong with a set of catalogs (the runtime's or a widget's), for the tests: each locale
 * must have exactly English's keys, plural forms its language has, and English's `{slots}` (a
 * plural form other than `other` may leave out `{count}`, as in Arabic "نقطة واحدة"). Empty when all is well.
 */
export function catalogProblems(catalogs: Record<Locale, Messages>): string[] {
  const { en } = catalogs;
  const problems: string[] = [];
  for (const [locale, catalog] of Object.entries(catalogs)) {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const key of Object.keys(en)) if (!Object.hasOwn(catalog, key)) problems.push(`${locale}: missing ${key}`);
    for (const [key, message] of Object.entries(catalog)) {
      const english = en[key];
      if (english === undefined) {
        problems.push(`${locale}: ${key} is not an English key`);
        continue;
      }
      const expected = slotsOf(english);
      for (const [form, text] of forms(message)) {
        if (form !== 'text' && !categories.includes(form)) problems.push(`${locale}: ${key}.${form} is not a plural form of ${locale}`);
        const slots = slotsOf(text);
        const name = form === 'text' ? key : `${key}.${form}`;
        // Only a form naming few numbers may spell its number out; `other` always covers many.
        const missing = [...expected].filter((slot) => !slots.has(slot) && (slot !== 'count' || form === 'text' || form === 'other'));
        const unknown = [...slots].filter((slot) => !expected.has(slot));
        if (missing.length) problems.push(`${locale}: ${name} lacks {${missing.join('}, {')}}`);
        if (unknown.length) problems.push(`${locale}: ${name} has unknown {${unknown.join('}, {')}}`);
      }
    }
  }
  return problems;
}

const forms = (message: Message): Array<[string, string]> =>
  typeof message === 'string'
    ? [['text', message]]
    : Object.entries(message).filter((entry): entry is [string, string] => entry[1] !== undefined);

const slotsOf = (message: Message) =>
  new Set(forms(message).flatMap(([, text]) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')));
