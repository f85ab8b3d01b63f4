import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';

const equal = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Secret-key endpoints: `Authorization: Bearer sk_…` from the host's backend. A browser `Origin`
 * is refused outright (a secret key in page code has leaked), and so is a public key: it proves
 * nothing, so it can never award, adjust or settle anything.
 */
export function secretKeyAuth(projects: ProjectRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.header('Origin') !== undefined) {
      throw new HttpError(
        403,
        'browser_refused',
        'Secret-key endpoints refuse browser requests (an Origin header is present): call them from your backend, never from page code.',
      );
    }
    const key = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!key) throw new HttpError(401, 'missing_secret_key', 'Send the project\'s secret key as "Authorization: Bearer sk_…".');
    if (!key.startsWith('sk_')) {
      throw new HttpError(403, 'public_key_refused', 'Only a secret key (sk_…) may call server endpoints; a public key proves nothing.');
    }
    // Every key is compared (in constant time), so timing does not tell which project matched.
    const matches = projects.all().filter((project) => project.secretKeys.map((secret) => equal(secret, key)).includes(true));
    const project = matches[0];
    if (!project) throw new HttpError(401, 'unknown_secret_key', 'No project has this secret key.');
    c.set('project', project);
    await next();
  });
}
