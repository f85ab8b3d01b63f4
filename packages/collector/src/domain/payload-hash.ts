import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so equal payloads hash equally whatever the key
 * order. Loops and string appends, not map/join: this runs for every ingested event.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${canonicalJson(value[i]) ?? ''}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * Identifies an event's content: a retry hashes the same, a reused id with other content does not.
 * SHA-256 as before (stored hashes stay comparable across upgrades); the one-shot `hash` skips
 * building a Hash object per event.
 */
export function payloadHash(event: unknown): string {
  return hash('sha256', canonicalJson(event), 'base64url');
}
