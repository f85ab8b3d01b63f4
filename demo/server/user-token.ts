import { SignJWT } from 'jose';

/** Short-lived, so a leaked token is worth little; the page asks for a fresh one on each load. */
export const USER_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * Mints the identity-verification token Hearth expects in `identify(…, { userToken })`:
 * an HS256 JWT whose `sub` is the user id, signed with the project's secret key.
 * This runs only on the backend; the secret never reaches the browser.
 */
export async function mintUserToken(userId: string, secret: string, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + USER_TOKEN_TTL_SECONDS)
    .sign(new TextEncoder().encode(secret));
}
