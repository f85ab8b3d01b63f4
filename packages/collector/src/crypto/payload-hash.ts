import { hash } from 'node:crypto';

/** Characters JSON.stringify escapes or rewrites (quote, backslash, controls, lone surrogates). */
// eslint-disable-next-line no-control-regex -- JSON escapes exactly these control characters.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string, without the native call for the common plain-text case. */
const quote = (text: string): string => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/**
 * JSON with object keys sorted at every level, so equal payloads hash equally whatever the key
 * order. Byte for byte what `JSON.stringify` of a key-sorted copy gives (stored hashes stay
 * comparable across versions), and as long as `JSON.stringify(value)`: the batch route checks the
 * per-event size limit on this string. Loops, string appends and a no-escape fast path, not
 * map/join and a native call per value: this runs for every ingested event.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // JSON.stringify writes non-finite numbers as null and finite ones as String() does.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${canonicalJson(value[i]) ?? ''}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${quote(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * Identifies an event's content: a retry hashes the same, a reused id with other content does not.
 * SHA-256 as before (stored hashes stay comparable across upgrades); the one-shot `hash` skips
 * building a Hash object per event.
 */
export function payloadHash(event: unknown): string {
  return hashCanonical(canonicalJson(event));
}

/** `payloadHash` for a caller that already holds the event's `canonicalJson`. */
export function hashCanonical(canonical: string): string {
  return hash('sha256', canonical, 'base64url');
}
