import { randomBytes } from 'node:crypto';

/** Crockford base32, the ULID alphabet: sorts the same as the numbers it encodes. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[rest % 32]! + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * ULID-shaped ids (10 chars of milliseconds, then 16 more) that are unique within a run and
 * increase with time, as the widget's ids do. Time-ordered keys keep B-tree inserts appending
 * at the right edge; random keys would measure a different (slower) store than production.
 */
export function createMessageIds(): () => string {
  // 6 random chars keep ids from different runs apart; a counter keeps them unique in a run.
  const runPart = base32(randomBytes(4).readUInt32BE(0), 6);
  let counter = 0;
  return () => `${base32(Date.now(), 10)}${runPart}${base32(counter++, 10)}`;
}
