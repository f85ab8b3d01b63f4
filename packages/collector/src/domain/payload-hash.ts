import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal payloads hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Identifies an event's content: a retry hashes the same, a reused id with other content does not. */
export function payloadHash(event: unknown): string {
  return createHash('sha256').update(canonicalJson(event)).digest('base64url');
}
