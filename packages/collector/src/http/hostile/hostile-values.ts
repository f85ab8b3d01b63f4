/** Nested arrays `depth` levels deep, the innermost holding a string. */
const nested = (depth: number): unknown => (depth === 0 ? 'deep' : [nested(depth - 1)]);

/** An object whose own key is `key` (an object literal would set the prototype for `__proto__`). */
const withOwnKey = (key: string): Record<string, unknown> =>
  Object.defineProperty({}, key, { value: { polluted: true }, enumerable: true });

export interface HostileValue {
  name: string;
  value: unknown;
  /** Text no store can keep: every route must refuse it with 400 naming the field. */
  unstorable?: boolean;
}

/**
 * One corpus of hostile values, injected into every field of every route the suite knows
 * (hostile-targets.ts). A new kind of hostile input is one line here.
 */
export const HOSTILE_VALUES: HostileValue[] = [
  { name: 'NUL character', value: 'a\u0000b', unstorable: true },
  { name: 'only a NUL', value: '\u0000', unstorable: true },
  { name: 'lone high surrogate', value: 'x\uD800', unstorable: true },
  { name: 'lone low surrogate', value: '\uDC00y', unstorable: true },
  { name: 'reversed surrogate pair', value: '\uDC00\uD800', unstorable: true },
  { name: 'valid astral character', value: 'ok 😀' },
  { name: 'empty string', value: '' },
  { name: 'whitespace only', value: '   ' },
  { name: 'overlong string', value: 'x'.repeat(100_000) },
  { name: 'control characters', value: '\u0001\u001f\u007f\u2028' },
  { name: 'huge number', value: 1e308 },
  { name: 'huge integer', value: Number.MAX_SAFE_INTEGER + 2 },
  { name: 'negative number', value: -1 },
  { name: 'fraction', value: 0.5 },
  { name: 'boolean', value: true },
  { name: 'null', value: null },
  { name: 'array', value: ['a'] },
  { name: 'object', value: { a: 1 } },
  { name: 'deep nesting', value: nested(64) },
  { name: '__proto__ key', value: withOwnKey('__proto__') },
  { name: 'constructor key', value: withOwnKey('constructor') },
  { name: 'year 0 date', value: '0000-01-01T00:00:00Z' },
  { name: 'year 9999 date', value: '9999-12-31T23:59:59Z' },
  { name: 'year 10000 date', value: '+010000-01-01T00:00:00Z' },
  { name: 'impossible date', value: '2026-02-30T00:00:00Z' },
  { name: 'SQL and path syntax', value: "'; DROP TABLE events; --/../%00" },
];

/** Keys injected into free-form objects (properties, traits). */
export const HOSTILE_KEYS: HostileValue[] = [
  { name: 'NUL in a key', value: 'k\u0000ey', unstorable: true },
  { name: 'lone surrogate in a key', value: 'k\uD83Dey', unstorable: true },
  { name: '__proto__ key', value: '__proto__' },
  { name: 'constructor key', value: 'constructor' },
  { name: 'empty key', value: '' },
  { name: 'overlong key', value: 'k'.repeat(10_000) },
];

/**
 * Percent-encodes `text` for a URL the way a hostile client can: NUL as %00 and a lone surrogate
 * as its 3-byte (CESU) form, which `encodeURIComponent` refuses to produce.
 */
export function hostileUriComponent(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const paired = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (paired) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(text[i]!);
  }
  return out;
}
