import { mintUserToken } from '@hearth/node';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { IdentityTokenVerifier } from './identity-token.js';

const SECRET = 'sk_test_project_a_secret';
const ROTATED = 'sk_test_project_a_next';
const OTHER_PROJECT = 'sk_test_project_b_secret';
const NOW = Date.UTC(2026, 10, 1, 12);
const seconds = (ms: number) => Math.floor(ms / 1000);

function token(sub: string, { secret = SECRET, exp = seconds(NOW) + 600, nbf }: { secret?: string; exp?: number; nbf?: number } = {}) {
  const jwt = new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  return jwt.sign(new TextEncoder().encode(secret));
}

describe('IdentityTokenVerifier', () => {
  it('accepts the token @hearth/node mints, until its exp', async () => {
    const verifier = new IdentityTokenVerifier();
    const jwt = mintUserToken('user-9', { secretKey: SECRET, now: new Date(NOW), ttlSeconds: 60 });
    expect(await verifier.verify(jwt, [OTHER_PROJECT], NOW)).toBeNull();
    expect(await verifier.verify(jwt, [ROTATED, SECRET], NOW)).toBe('user-9');
    expect(await new IdentityTokenVerifier().verify(jwt, [SECRET], NOW + 60_000)).toBeNull();
  });

  it('keeps a verified token and answers it again while it is valid', async () => {
    const verifier = new IdentityTokenVerifier();
    const jwt = await token('user-1');
    expect(await verifier.verify(jwt, [SECRET], NOW)).toBe('user-1');
    expect(verifier.size).toBe(1);
    expect(await verifier.verify(jwt, [SECRET], NOW + 1_000)).toBe('user-1');
    expect(verifier.size).toBe(1);
  });

  it('stops accepting a kept token at its exp, exactly as a fresh verification does', async () => {
    const exp = seconds(NOW) + 60;
    const jwt = await token('user-1', { exp });
    const kept = new IdentityTokenVerifier();
    expect(await kept.verify(jwt, [SECRET], NOW)).toBe('user-1');
    for (const at of [exp * 1000 - 1, exp * 1000, exp * 1000 + 5_000]) {
      const fresh = await new IdentityTokenVerifier().verify(jwt, [SECRET], at);
      expect(await kept.verify(jwt, [SECRET], at)).toBe(fresh);
    }
    expect(await kept.verify(jwt, [SECRET], exp * 1000 - 1)).toBe('user-1');
    expect(await kept.verify(jwt, [SECRET], exp * 1000)).toBeNull();
  });

  it('honours nbf for a kept token (a clock that goes back must not widen validity)', async () => {
    const nbf = seconds(NOW);
    const jwt = await token('user-1', { nbf });
    const verifier = new IdentityTokenVerifier();
    expect(await verifier.verify(jwt, [SECRET], NOW)).toBe('user-1');
    expect(await verifier.verify(jwt, [SECRET], NOW - 2_000)).toBeNull();
  });

  it('does not accept a token kept for one project in another, nor after its secret is rotated out', async () => {
    const verifier = new IdentityTokenVerifier();
    const jwt = await token('user-1');
    expect(await verifier.verify(jwt, [SECRET, ROTATED], NOW)).toBe('user-1');
    expect(await verifier.verify(jwt, [OTHER_PROJECT], NOW)).toBeNull();
    expect(await verifier.verify(jwt, [ROTATED], NOW)).toBeNull();
    // Signed with the new secret while both are listed, it keeps verifying once the old one goes.
    const next = await token('user-1', { secret: ROTATED });
    expect(await verifier.verify(next, [SECRET, ROTATED], NOW)).toBe('user-1');
    expect(await verifier.verify(next, [ROTATED], NOW)).toBe('user-1');
  });

  it('keeps no failed verification and no more proofs than its bound', async () => {
    const verifier = new IdentityTokenVerifier(2);
    expect(await verifier.verify(await token('user-1', { secret: OTHER_PROJECT }), [SECRET], NOW)).toBeNull();
    expect(await verifier.verify(await token('user-1', { exp: seconds(NOW) - 1 }), [SECRET], NOW)).toBeNull();
    expect(verifier.size).toBe(0);
    for (const user of ['a', 'b', 'c', 'd']) expect(await verifier.verify(await token(user), [SECRET], NOW)).toBe(user);
    expect(verifier.size).toBe(2);
  });
});
