import { createMiddleware } from 'hono/factory';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import type { AdminSessions } from './admin-auth-sessions.js';

export const PROJECT_HEADER = 'X-Hearth-Project';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every `/v1/admin/*` route. A request with `Authorization` is a server-to-server call
 * and is left to the secret-key middleware; one with the console's session cookie is authorised
 * here: a valid session, plus the session's CSRF token in `X-Hearth-CSRF` for anything that changes
 * state (SameSite=Strict already keeps the cookie off cross-site requests; the header also covers
 * same-site subdomains). The project is `X-Hearth-Project`, else the first configured one.
 */
export function adminAuth(sessions: AdminSessions, projects: ProjectRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.header('Authorization') !== undefined) return next();
    const claims = sessions.read(c);
    if (claims === undefined) return next();
    if (claims === null) throw new HttpError(401, 'session_expired', 'Your console session has expired or was signed out; sign in again.');
    if (!SAFE_METHODS.has(c.req.method) && !sessions.csrfMatches(claims, c)) {
      throw new HttpError(403, 'csrf_failed', 'Missing or wrong X-Hearth-CSRF header: send the csrfToken from POST /v1/admin/session.');
    }
    const wanted = c.req.header(PROJECT_HEADER);
    const project = wanted === undefined ? projects.all()[0] : projects.get(wanted);
    if (!project) throw new HttpError(404, 'project_not_found', `No project "${wanted ?? ''}" on this collector.`);
    c.set('project', project);
    c.set('adminSession', claims);
    await next();
  });
}
