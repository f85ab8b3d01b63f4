import { mintGroupToken } from '@hearth/node';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyGroupToken } from './group-token.js';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const KEYS = ['sk_old_secret_0001', 'sk_new_secret_0002'];
const claim = { userId: 'ada', accountId: 'acme' };
const mint = (userId: string, accountId: string, secretKey = KEYS[1]!, traits?: Record<string, string>) =>
  mintGroupToken(userId, accountId, { secretKey, now: new Date(NOW), ttlSeconds: 60, ...(traits ? { traits } : {}) });

describe('verifyGroupToken', () => {
  it('proves the user, the account and the signed traits, with either secret while rotating', async () => {
    expect(await verifyGroupToken(mint('ada', 'acme', KEYS[0], { plan: 'pro' }), claim, KEYS, NOW)).toEqual({
      ...claim,
      traits: { plan: 'pro' },
    });
    expect(await verifyGroupToken(mint('ada', 'acme'), claim, KEYS, NOW)).toEqual({ ...claim, traits: {} });
  });

  it('proves nothing for another user, another account, another secret, an expired token or another algorithm', async () => {
    expect(await verifyGroupToken(undefined, claim, KEYS, NOW)).toBeNull();
    expect(await verifyGroupToken(mint('max', 'acme'), claim, KEYS, NOW)).toBeNull();
    expect(await verifyGroupToken(mint('ada', 'globex'), claim, KEYS, NOW)).toBeNull();
    expect(await verifyGroupToken(mint('ada', 'acme', 'sk_someone_else'), claim, KEYS, NOW)).toBeNull();
    expect(await verifyGroupToken(mint('ada', 'acme'), claim, KEYS, NOW + 61_000)).toBeNull();
    const hs512 = await new SignJWT({ sub: 'ada', account: 'acme' })
      .setProtectedHeader({ alg: 'HS512' })
      .setExpirationTime(NOW / 1000 + 60)
      .sign(new TextEncoder().encode(KEYS[1]));
    expect(await verifyGroupToken(hs512, claim, KEYS, NOW)).toBeNull();
    const arrayTraits = await new SignJWT({ sub: 'ada', account: 'acme', traits: ['pro'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(NOW / 1000 + 60)
      .sign(new TextEncoder().encode(KEYS[1]));
    expect(await verifyGroupToken(arrayTraits, claim, KEYS, NOW)).toBeNull();
  });
});
