import { createHmac, timingSafeEqual } from 'node:crypto';

/** `Hearth-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]` — one v1 per active secret (rotation). */
export const SIGNATURE_HEADER = 'Hearth-Signature';
/** Five minutes either way: enough for clock drift, too short to replay a captured request later. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/**
 * The signature header for `body` sent at `timestamp` (unix seconds): HMAC-SHA256 over
 * `"<timestamp>.<body>"`. Binding the timestamp into the MAC is what makes the tolerance check
 * meaningful: an attacker cannot move an old signature to a fresh timestamp.
 */
export function signWebhook(secrets: readonly string[], body: string, timestamp: number): string {
  if (!secrets.length) throw new Error('signWebhook: secrets needs at least one secret');
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${hmac(secret, timestamp, body)}`)].join(',');
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

export interface VerifyOptions {
  /** The raw request body, exactly as received (parse JSON only after verifying). */
  body: string;
  /** The `Hearth-Signature` header value. */
  header: string | null | undefined;
  /** The endpoint's secret(s); during a rotation pass both. */
  secrets: readonly string[];
  /** Unix seconds; default the current time. */
  now?: number;
  toleranceSeconds?: number;
}

const equalHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/**
 * Checks a webhook the way a host backend should: header well-formed, timestamp within the
 * tolerance, and some `v1` equal (in constant time) to the HMAC under some secret.
 */
export function verifyWebhook(options: VerifyOptions): VerifyResult {
  const { body, header, secrets } = options;
  if (!header) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')).map(([, value]) => value as string);
  if (!Number.isSafeInteger(timestamp) || !signatures.length) return { ok: false, reason: `malformed ${SIGNATURE_HEADER} header` };
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: `timestamp is more than ${tolerance} seconds from now` };
  const expected = secrets.map((secret) => hmac(secret, timestamp, body));
  return signatures.some((sig) => expected.some((exp) => equalHex(sig, exp)))
    ? { ok: true, timestamp }
    : { ok: false, reason: 'no signature matches' };
}
