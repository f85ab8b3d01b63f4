/**
 * Translations as the forms edit them: per locale, texts by a dotted key (`question`,
 * `followUp.promoter`, `questions.ease`), the same path the schema's issues use under
 * `translations.<locale>.`. Each form lists its translatable fields with their default-locale text.
 */
export type TranslationDraft = Record<string, Record<string, string>>;

export interface TranslatableField {
  key: string;
  label: string;
  /** The text in the default locale; empty when the widget's own catalog supplies it. */
  source: string;
}

/** A stored translation object flattened to dotted keys (strings only). */
export function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  if (value === null || typeof value !== 'object') return {};
  return Object.assign({}, ...Object.entries(value).map(([key, nested]) => flatten(nested, prefix ? `${prefix}.${key}` : key)));
}

/** Dotted keys back to nested objects, keeping only non-empty texts of the given fields. */
export function nest(texts: Record<string, string>, fields: readonly TranslatableField[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { key } of fields) {
    const text = texts[key];
    if (text === undefined || text.trim() === '') continue;
    const parts = key.split('.');
    let node = result;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1) ?? key] = text;
  }
  return result;
}

export function draftFromTranslations(translations: Record<string, unknown>): TranslationDraft {
  return Object.fromEntries(Object.entries(translations).map(([locale, value]) => [locale, flatten(value)]));
}

export function toTranslations(draft: TranslationDraft, fields: readonly TranslatableField[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(draft).map(([locale, texts]) => [locale, nest(texts, fields)]));
}

/** Fields with a default-locale text but none in `locale`: users there would read the default language. */
export function missingKeys(draft: TranslationDraft, locale: string, fields: readonly TranslatableField[]): string[] {
  const texts = draft[locale] ?? {};
  return fields.filter((field) => field.source.trim() !== '' && (texts[field.key] ?? '').trim() === '').map((field) => field.key);
}
