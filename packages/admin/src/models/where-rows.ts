import type { FieldErrors } from './field-errors.js';

/**
 * A `where` filter (reward rules fed by events, badges on events, checklist items done on an event)
 * edited as rows: every listed property must equal the event's. The collector compares with `===`,
 * so the type of a value matters: `true`, `false`, `null` and numbers are typed as such; wrap a
 * value in double quotes to keep it text (`"42"` is the string 42).
 */
export interface WhereRow {
  property: string;
  value: string;
}

type WhereValue = string | number | boolean | null;
export type Where = Record<string, WhereValue>;

const LITERALS: Record<string, WhereValue> = { true: true, false: false, null: null };
const looksTyped = (text: string) => text in LITERALS || (text.trim() !== '' && Number.isFinite(Number(text)));

/** What the typed text means as a property value. */
export function whereValue(text: string): WhereValue {
  const trimmed = text.trim();
  if (trimmed in LITERALS) return LITERALS[trimmed] ?? null;
  if (/^".*"$/s.test(trimmed)) return trimmed.slice(1, -1);
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

/** The text that types `value` back: strings that would read as another type are quoted. */
export function whereText(value: WhereValue): string {
  if (typeof value !== 'string') return String(value);
  return looksTyped(value.trim()) || /^".*"$/s.test(value.trim()) ? `"${value}"` : value;
}

export const fromWhere = (where: Where | undefined): WhereRow[] =>
  Object.entries(where ?? {}).map(([property, value]) => ({ property, value: whereText(value) }));

/** No rows means no filter (the key is left out). */
export function toWhere(rows: readonly WhereRow[]): Where | undefined {
  if (rows.length === 0) return undefined;
  return Object.fromEntries(rows.map((row) => [row.property, whereValue(row.value)]));
}

/**
 * Errors as `<row>.property` / `<row>.value`: what an object cannot say (an empty or repeated
 * property name would silently vanish from it), plus the schema's errors, found by their key.
 */
export function whereRowErrors(rows: readonly WhereRow[], schemaErrors: FieldErrors): FieldErrors {
  const errors: Record<string, string> = {};
  const first = new Map<string, number>();
  rows.forEach((row, index) => {
    const seen = first.get(row.property);
    if (row.property === '') errors[`${index}.property`] = 'property must not be empty';
    else if (seen !== undefined) errors[`${index}.property`] = `property "${row.property}" is already in row ${seen + 1}`;
    else first.set(row.property, index);
  });
  for (const [path, message] of Object.entries(schemaErrors)) {
    const index = rows.findIndex((row) => row.property === path);
    if (index >= 0) errors[`${index}.value`] ??= message;
  }
  return errors;
}
