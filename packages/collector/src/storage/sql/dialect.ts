import type { Dialect } from './runner.js';

/*
 * SQL fragments that differ between the dialects, so a query is written once and rendered per
 * dialect. SQLite keeps JSON as text (json_extract, json_each) and times as epoch ms; PostgreSQL
 * keeps jsonb and timestamptz.
 */

/** A JSON object's field as text (`->>`): JSON strings unquoted, other values as their JSON text. */
export const jsonText = (d: Dialect, doc: string, key: string) =>
  d === 'sqlite' ? `json_extract(${doc}, '$.${key}')` : `${doc}->>'${key}'`;

/** The JSON object's field `key` is a JSON string. */
export const jsonIsString = (d: Dialect, doc: string, key: string) =>
  d === 'sqlite' ? `json_type(${doc}, '$.${key}') = 'text'` : `jsonb_typeof(${doc}->'${key}') = 'string'`;

/**
 * The JSON object `doc` holds every entry of the JSON object `filter` with an equal value of the
 * same JSON type (a string "1" never equals the number 1, nor `true` the number 1; 1 and 1.0 are
 * one number), as the in-memory `===` reference does. PostgreSQL's `@>` does exactly that on
 * scalars; on SQLite `json_each` reads raw keys, so keys with dots or quotes need no path escaping.
 */
export function jsonContains(d: Dialect, doc: string, filter: string): string {
  if (d === 'postgres') return `${doc} @> ${filter}`;
  return `NOT EXISTS (
    SELECT 1 FROM json_each(${filter}) w WHERE NOT EXISTS (
      SELECT 1 FROM json_each(${doc}) p
      WHERE p.key = w.key AND p.atom IS w.atom
        AND (p.type = w.type OR (p.type IN ('integer', 'real') AND w.type IN ('integer', 'real')))))`;
}

/** The JSON object's field `key` is the JSON string `param` (PostgreSQL: a containment its GIN index can answer). */
export const jsonFieldIs = (d: Dialect, doc: string, key: string, param: string) =>
  d === 'sqlite' ? `${jsonText(d, doc, key)} = ${param}` : `${doc} @> jsonb_build_object('${key}', ${param}::text)`;

/** A parameter or literal typed for PostgreSQL, which cannot always infer it; SQLite takes it as is. */
export const typed = (d: Dialect, value: string, pgType: string) => (d === 'sqlite' ? value : `${value}::${pgType}`);

/** A time column as epoch ms (an integer). */
export const epochMs = (d: Dialect, column: string) => (d === 'sqlite' ? column : `(extract(epoch from ${column}) * 1000)::bigint`);

/** Epoch ms as a value comparable with a time column. */
export const fromEpochMs = (d: Dialect, ms: string) => (d === 'sqlite' ? ms : `(timestamptz 'epoch' + ${ms} * interval '1 millisecond')`);

/** `@name` parameters as `$n`, numbered in order of first use (PostgreSQL refuses unused ones). */
export function numbered(sql: string): { text: string; names: string[] } {
  const names: string[] = [];
  const text = sql.replace(/@([A-Za-z]\w*)/g, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, names };
}

/** `count` parameters from `$first` on, comma-separated (an IN list). */
export const placeholders = (first: number, count: number) => Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');

/** A JSON column as read back: text on SQLite, already parsed (jsonb) on PostgreSQL. */
export const readJson = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** A boolean parameter: SQLite keeps booleans as 1/0 (and better-sqlite3 binds no JS booleans). */
export const flag = (d: Dialect, value: boolean) => (d === 'sqlite' ? (value ? 1 : 0) : value);

/** A span of `ms` milliseconds, to compare with the difference of two time columns. */
export const duration = (d: Dialect, ms: number) => (d === 'sqlite' ? String(ms) : `make_interval(secs => ${ms / 1000})`);
