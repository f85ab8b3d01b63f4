import type { z } from 'zod';
import { toErrorIssues, type ErrorIssue } from './error-body.js';

/**
 * Text no store keeps faithfully: PostgreSQL refuses U+0000 in `text` and `jsonb`, and a lone
 * UTF-16 surrogate has no UTF-8 form (PostgreSQL refuses it in `jsonb` and replaces it in `text`,
 * SQLite keeps it). Refusing both in every string and object key of every wire format, before any
 * store sees them, makes both stores give the same answer to the same input.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Most text issues reported for one value; one is enough to refuse it. */
const MAX_TEXT_ISSUES = 20;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}

/** A key as it can be shown in an issue path: the characters that make it unstorable escaped. */
const printable = (key: string) =>
  Array.from(key, (c) => (c === '\u0000' || LONE_SURROGATE.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');

/**
 * Every string and object key of a parsed JSON value (or query object) that cannot be stored,
 * as `{ path, message }` issues. Iterative, so a hostile nesting depth cannot exhaust the stack.
 */
export function findUnstorableText(value: unknown): ErrorIssue[] {
  // Paths are linked to their parent and joined only for an issue: copying them per level would
  // cost depth² on a deeply nested body.
  interface Node {
    value: unknown;
    key: string;
    parent: Node | null;
  }
  const pathOf = (node: Node | null): string => {
    const keys: string[] = [];
    for (let n = node; n?.parent; n = n.parent) keys.push(n.key);
    return keys.reverse().join('.') || '(root)';
  };
  const issues: ErrorIssue[] = [];
  const stack: Node[] = [{ value, key: '', parent: null }];
  while (stack.length > 0 && issues.length < MAX_TEXT_ISSUES) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      const reason = unstorableTextReason(node.value);
      if (reason) issues.push({ path: pathOf(node), message: reason });
    } else if (Array.isArray(node.value)) {
      node.value.forEach((item, index) => stack.push({ value: item, key: String(index), parent: node }));
    } else if (typeof node.value === 'object' && node.value !== null) {
      for (const [key, item] of Object.entries(node.value)) {
        const reason = unstorableTextReason(key);
        if (reason) issues.push({ path: pathOf({ value: item, key: printable(key), parent: node }), message: `key ${reason}` });
        else stack.push({ value: item, key, parent: node });
      }
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A `\u` escape of NUL or of a surrogate, or a raw surrogate (paired ones too: this only rules text out). */
const MAYBE_UNSTORABLE = /\\u(?:0000|[dD][89a-fA-F])|[\uD800-\uDFFF]/;

/**
 * Whether JSON text certainly decodes to storable text only: no NUL and no surrogate, raw or
 * escaped. Scanning the text is several times cheaper than walking the parsed value, and almost
 * every request passes; the rest are walked to find and name the field.
 */
const certainlyStorable = (json: string) => !json.includes('\u0000') && !MAYBE_UNSTORABLE.test(json);

export type WireParse<S extends z.ZodType> = { success: true; data: z.output<S> } | { success: false; issues: ErrorIssue[] };

/**
 * Validates input from outside (a request body, query parameters, a configuration file) against a
 * wire schema: unstorable text anywhere in it (including fields the schema would drop) and every
 * schema issue, each naming its field. The one entry point servers use for untrusted input;
 * `json`, the text `value` was parsed from, lets clean input skip the walk.
 */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, json?: string): WireParse<S> {
  const textIssues = json !== undefined && certainlyStorable(json) ? [] : findUnstorableText(value);
  if (textIssues.length > 0) return { success: false, issues: textIssues };
  const parsed = schema.safeParse(value);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: toErrorIssues(parsed.error) };
}
