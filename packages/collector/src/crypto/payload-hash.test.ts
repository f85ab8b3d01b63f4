import { describe, expect, it } from 'vitest';
import { canonicalJson, hashCanonical, payloadHash } from './payload-hash.js';

/**
 * The definition canonicalJson must match byte for byte (the original map/join version): keys in
 * string order at every level, everything else exactly as JSON.stringify writes it.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
}

const tricky = {
  z: 'quote " backslash \\ newline \n tab \t nul \u0000',
  a: ['é', '\u2028\u2029', 'emoji 😀', 'lone \ud800 surrogate', 'lone \udfff too'],
  '10': { b: 1, a: -0, c: 1e21, d: 1.5e-7, e: -123.456, f: Number.MAX_SAFE_INTEGER },
  '9': [true, false, null, [], {}, [{ y: 1, x: 2 }]],
  'key "quoted"': 'x',
  ünïcödé: { '': 'empty key' },
  skipped: undefined,
};

describe('canonicalJson', () => {
  it('writes keys in string order and everything else as JSON.stringify does', () => {
    expect(canonicalJson(tricky)).toBe(reference(tricky));
    expect(JSON.parse(canonicalJson(tricky))).toEqual(JSON.parse(JSON.stringify(tricky)));
  });

  it('has the length of JSON.stringify, so the per-event size limit can be checked on it', () => {
    expect(Buffer.byteLength(canonicalJson(tricky))).toBe(Buffer.byteLength(JSON.stringify(tricky)));
  });

  it('hashes equal payloads equally whatever their key order, and keeps the stored hash format', () => {
    const a = { type: 'track', name: 'x', properties: { b: 1, a: 2 } };
    const b = { properties: { a: 2, b: 1 }, name: 'x', type: 'track' };
    expect(payloadHash(a)).toBe(payloadHash(b));
    expect(payloadHash(a)).toBe(hashCanonical(canonicalJson(b)));
    // SHA-256, base64url, of the canonical text: the format rows written by earlier versions hold.
    expect(payloadHash(a)).toBe('n_UuE4kxyVW6NuNL01sijW5XuMQFBAe5djwha87vsVI');
  });
});
