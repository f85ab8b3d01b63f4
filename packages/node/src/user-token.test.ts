import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintUserToken } from './user-token.js';

const secretKey = 'sk_test_0123456789abcdefghijklmn';
const key = new TextEncoder().encode(secretKey);
const now = new Date('2026-05-01T12:00:00Z');

describe('mintUserToken', () => {
  it('mints an HS256 JWT { sub, iat, exp } that a standard verifier accepts', async () => {
    const token = mintUserToken('user-42', { secretKey, now });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now });
    const iat = now.getTime() / 1000;
    expect(payload).toEqual({ sub: 'user-42', iat, exp: iat + 900 });
  });

  it('honours ttlSeconds, after which the token is refused', async () => {
    const token = mintUserToken('u1', { secretKey, now, ttlSeconds: 60 });
    await expect(jwtVerify(token, key, { currentDate: new Date(now.getTime() + 59_000) })).resolves.toBeTruthy();
    await expect(jwtVerify(token, key, { currentDate: new Date(now.getTime() + 61_000) })).rejects.toThrow(/exp/);
  });

  it('is refused under another secret', async () => {
    const token = mintUserToken('u1', { secretKey, now });
    await expect(jwtVerify(token, new TextEncoder().encode('sk_other_secret_0000000000'), { currentDate: now })).rejects.toThrow(
      /signature/,
    );
  });

  it('names the bad argument', () => {
    expect(() => mintUserToken('', { secretKey })).toThrow(/userId/);
    expect(() => mintUserToken('u1', { secretKey: '' })).toThrow(/secretKey/);
    expect(() => mintUserToken('u1', { secretKey, ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });
});
