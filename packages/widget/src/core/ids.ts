/** Crockford base32, as in ULID: sorts lexicographically in time order. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-like id: 10 characters of millisecond time, then 16 random characters. Time-ordered
 * ids keep the collector's primary-key inserts cheap (field-notes: ~4x faster than random keys)
 * and match `messageIdSchema` (letters and digits, 8–64 characters).
 */
export function ulid(now: number, randomBytes: (length: number) => Uint8Array): string {
  let time = '';
  for (let rest = now, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) {
    time = ALPHABET.charAt(rest % 32) + time;
  }
  let random = '';
  for (const byte of randomBytes(16)) random += ALPHABET.charAt(byte & 31);
  return time + random;
}
