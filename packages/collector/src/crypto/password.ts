import { hash, verify } from '@node-rs/argon2';
import { verifyAdminPassword } from './scrypt-password.js';

/**
 * Console account passwords: Argon2id through `@node-rs/argon2` (a maintained binding with
 * prebuilt binaries) at its defaults, OWASP's recommended minimum (19 MiB, 2 passes). The first
 * owner's password may come from the configuration file as an scrypt hash; it is checked as such
 * and replaced by an Argon2id hash at its first successful sign-in.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** Whether the password matches, and whether its stored hash should be replaced by a current one. */
export async function checkPassword(password: string, stored: string): Promise<{ matches: boolean; rehash: boolean }> {
  if (stored.startsWith('scrypt$')) {
    const matches = await verifyAdminPassword(password, stored);
    return { matches, rehash: matches };
  }
  try {
    return { matches: await verify(stored, password), rehash: false };
  } catch {
    // A malformed stored hash never matches.
    return { matches: false, rehash: false };
  }
}

/**
 * A valid hash of no one's password: an unknown email is checked against it, so answering "no such
 * account" takes as long as "wrong password" and timing does not reveal who has an account.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('decoy-password-no-account-has');
  return decoy;
}
