import { createMiddleware } from 'hono/factory';
import { permissionFor, refusal, roleAllows } from '../../domain/team/permissions.js';
import type { ConsoleTeam } from '../../services/console-team.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import type { AdminSessions } from './admin-auth-sessions.js';

export const PROJECT_HEADER = 'X-Hearth-Project';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every `/v1/admin/*` route. A request with `Authorization` is a server-to-server call
 * and is left to the secret-key middleware; one with the console's session cookie is authorised
 * here: a live session (looked up in the store, so a sign-out on any collector counts), the
 * session's CSRF token in `X-Hearth-CSRF` for anything that changes state (SameSite=Strict already
 * keeps the cookie off cross-site requests; the header also covers same-site subdomains), a role
 * in the project (`X-Hearth-Project`, else the first the person has a role in) and a role that
 * allows the request (see domain/team/permissions.ts).
 */
export function adminAuth(sessions: AdminSessions, team: ConsoleTeam, projects: ProjectRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.header('Authorization') !== undefined) return next();
    const live = await sessions.read(c);
    if (live === undefined) return next();
    if (live === null) throw new HttpError(401, 'session_expired', 'Your console session has expired or was signed out; sign in again.');
    if (!SAFE_METHODS.has(c.req.method) && !sessions.csrfMatches(live, c)) {
      throw new HttpError(403, 'csrf_failed', 'Missing or wrong X-Hearth-CSRF header: send the csrfToken from POST /v1/admin/session.');
    }
    const wanted = c.req.header(PROJECT_HEADER);
    const mine = await team.projectsOf(live.account.id);
    const granted = wanted === undefined ? mine[0] : mine.find((p) => p.id === wanted);
    const project = granted && projects.get(granted.id);
    if (!granted || !project) {
      if (wanted !== undefined && !projects.get(wanted))
        throw new HttpError(404, 'project_not_found', `No project "${wanted}" on this collector.`);
      throw new HttpError(
        403,
        'no_role',
        `${live.account.email} has no role in ${wanted === undefined ? 'any project' : `project "${wanted}"`}; ask an owner to invite you.`,
      );
    }
    const needed = permissionFor(c.req.method, c.req.path);
    if (!roleAllows(granted.role, needed)) throw new HttpError(403, 'forbidden_role', refusal(granted.role, needed, project.name));
    c.set('project', project);
    c.set('adminSession', live);
    c.set('actor', { name: live.account.email, role: granted.role });
    await next();
  });
}
