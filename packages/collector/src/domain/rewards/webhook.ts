import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'Hearth-Signature';

/** Signs a webhook body with a project secret; the timestamp lets receivers refuse replays. */
export function signWebhook(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * For host backends receiving the fulfilment webhook: true when `header` signs `body` with one of
 * the secrets and is at most `toleranceSeconds` old.
 */
export function verifyWebhook(secrets: readonly string[], body: string, header: string, nowMs: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false;
  return secrets.some((secret) => {
    const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
    const given = Buffer.from(v1);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
