import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const secret = 'whsec_test_0123456789abcdefghij';
const rotated = 'whsec_test_new_0123456789abcdef';
const body = '{"type":"survey.response.created","data":{"score":3}}';
const t = 1_780_000_000;

describe('signWebhook', () => {
  it('is HMAC-SHA256 over "timestamp.body", hex, after t=', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook([secret], body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it('signs with every active secret during a rotation', () => {
    expect(
      signWebhook([secret, rotated], body, t)
        .split(',')
        .filter((p) => p.startsWith('v1=')),
    ).toHaveLength(2);
  });
});

describe('verifyWebhook', () => {
  const header = signWebhook([secret], body, t);

  it('accepts the signed body within the tolerance', () => {
    expect(verifyWebhook({ body, header, secrets: [secret], now: t + 299 })).toEqual({ ok: true, timestamp: t });
    expect(verifyWebhook({ body, header: signWebhook([secret, rotated], body, t), secrets: [rotated], now: t })).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it('refuses a changed body, a wrong secret, and a moved timestamp', () => {
    expect(verifyWebhook({ body: body.replace('3', '9'), header, secrets: [secret], now: t })).toEqual({
      ok: false,
      reason: 'no signature matches',
    });
    expect(verifyWebhook({ body, header, secrets: [rotated], now: t }).ok).toBe(false);
    const moved = header.replace(`t=${t}`, `t=${t + 60}`);
    expect(verifyWebhook({ body, header: moved, secrets: [secret], now: t + 60 })).toEqual({ ok: false, reason: 'no signature matches' });
  });

  it('refuses replays outside the tolerance, either way', () => {
    expect(verifyWebhook({ body, header, secrets: [secret], now: t + 301 })).toEqual({
      ok: false,
      reason: 'timestamp is more than 300 seconds from now',
    });
    expect(verifyWebhook({ body, header, secrets: [secret], now: t - 301 }).ok).toBe(false);
    expect(verifyWebhook({ body, header, secrets: [secret], now: t + 1000, toleranceSeconds: 1000 }).ok).toBe(true);
  });

  it('refuses missing and malformed headers with a reason', () => {
    expect(verifyWebhook({ body, header: undefined, secrets: [secret] })).toEqual({ ok: false, reason: 'missing Hearth-Signature header' });
    for (const bad of ['v1=abc', `t=${t}`, `t=soon,v1=${'0'.repeat(64)}`, `t=${t},v1=${'z'.repeat(64)}`]) {
      expect(verifyWebhook({ body, header: bad, secrets: [secret], now: t })).toEqual({
        ok: false,
        reason: 'malformed Hearth-Signature header',
      });
    }
  });
});
