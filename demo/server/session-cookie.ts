import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const COOKIE_NAME = 'acme_session';
/** A fresh key per process: restarting the demo signs everybody out, which is fine for a demo. */
const sessionKey = randomBytes(32);

function sign(userId: string): string {
  return createHmac('sha256', sessionKey).update(userId).digest('base64url');
}

/** `Set-Cookie` value that signs `userId` in; signed so a visitor cannot pose as another user. */
export function sessionCookie(userId: string): string {
  return `${COOKIE_NAME}=${encodeURIComponent(`${userId}.${sign(userId)}`)}; Path=/; HttpOnly; SameSite=Lax`;
}

export const clearedSessionCookie = `${COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

/** The signed-in user id from a `Cookie` header, or undefined when absent or tampered with. */
export function readSession(cookieHeader: string | undefined): string | undefined {
  const raw = cookieHeader
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE_NAME}=`))
    ?.slice(COOKIE_NAME.length + 1);
  if (!raw) return undefined;
  const value = decodeURIComponent(raw);
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const userId = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(userId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
}
