import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';

const digest = (key: string) => createHash('sha256').update(key).digest();

/**
 * Admin endpoints: `Authorization: Bearer sk_…` names the project. Refuses public keys, and any
 * request with an `Origin` header: a browser sent it, and a secret key must never be in a browser.
 */
export function secretKey(projects: ProjectRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    // The console's session was already checked (with CSRF) by admin-auth, which set the project.
    if (c.get('adminSession')) return next();
    if (c.req.header('Origin') !== undefined) {
      throw new HttpError(
        403,
        'browser_refused',
        'Admin endpoints take a secret key, which must never reach a browser: call them from your server (requests carrying an Origin header are refused).',
      );
    }
    const key = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!key) throw new HttpError(401, 'missing_secret_key', 'Send the project\'s secret key as "Authorization: Bearer sk_…".');
    if (key.startsWith('pk_')) {
      throw new HttpError(
        403,
        'public_key_refused',
        "This is a public key (pk_…); admin endpoints need one of the project's secret keys (sk_…).",
      );
    }
    // Compares fixed-length digests in constant time, so response timing reveals nothing of a key.
    const given = digest(key);
    // Read per request: a key rotated in the console works (and a retired one stops) at once.
    const keys = projects.all().flatMap((project) => project.secretKeys.map((secret) => ({ digest: digest(secret), project })));
    const match = keys.find((candidate) => timingSafeEqual(candidate.digest, given));
    if (!match) throw new HttpError(401, 'unknown_key', 'No project has this secret key.');
    c.set('project', match.project);
    // A secret key is the project's own credential: it may do what an owner may.
    c.set('actor', { name: 'secret-key', role: 'owner' });
    await next();
  });
}
