import { createMiddleware } from 'hono/factory';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';

/** Resolves `?key=<public key>` to its project: 401 when unknown, 403 for a secret key. */
export function projectKey(projects: ProjectRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.query('key');
    if (!key) throw new HttpError(401, 'missing_key', "Pass the project's public key as ?key=pk_….");
    if (key.startsWith('sk_')) {
      // Refused whether or not it is a real secret: a secret key in a URL has already leaked.
      throw new HttpError(
        403,
        'secret_key_refused',
        "This is a secret key (sk_…). Never put a secret key in a browser or page code: use the project's public key (pk_…) here, keep secret keys on your server, and rotate this one now.",
      );
    }
    // Read per request: a setting changed in the console applies to the very next request.
    const project = projects.byPublicKey(key);
    if (!project) throw new HttpError(401, 'unknown_key', 'No project has this public key; check the projectKey passed to init.');
    c.set('project', project);
    await next();
  });
}
