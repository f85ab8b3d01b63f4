import { rewardsConfigSchema, type ErrorIssue } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import type { ProjectSettings, SettingsSnapshot } from '../../services/project-settings.js';
import { SettingsError } from '../../domain/settings/settings-error.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';
import { changeOptions } from './admin-settings.js';

export interface AdminRewardsProgramDeps {
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  /** Where the program is stored and applied: the project settings (`rewards`). */
  settings: Pick<ProjectSettings, 'get' | 'update'>;
}

const PATH = '/v1/admin/rewards-program';
/** Room for hundreds of rules and items with full-length texts; still bounded, so one request cannot exhaust memory. */
const MAX_PROGRAM_BYTES = 1024 * 1024;
const INVALID = { code: 'invalid_rewards_program', message: 'The rewards program is not valid; see issues.' };

/** The answer of every call; the version (of the project settings) is also the ETag. */
function answer(c: Context<AppEnv>, snapshot: SettingsSnapshot): Response {
  c.header('ETag', `"${snapshot.version}"`);
  c.header('Cache-Control', 'no-store');
  const { project, version, updatedAt, updatedBy } = snapshot;
  return c.json({ program: project.rewards ?? null, version, updatedAt, updatedBy });
}

/** The settings' issues about the program, at the program's own paths (`rules.0.points`, not `rewards.rules.0.points`). */
const programIssues = (issues: readonly ErrorIssue[] = []) =>
  issues.map(({ path, message }) => ({ path: path.startsWith('rewards.') ? path.slice('rewards.'.length) : path, message }));

/**
 * `/v1/admin/rewards-program`: the project's rewards program as one document (console session with
 * CSRF, or a secret key). `PUT` replaces it whole, validated by rewardsConfigSchema; it is stored
 * with the project settings and applies to the next request (earning, redeeming, the widget's
 * state) without a restart. 409 when the settings changed after the version sent in `If-Match`.
 */
export function adminRewardsProgramRoutes({ projects, settings }: AdminRewardsProgramDeps) {
  const app = new Hono<AppEnv>();
  app.use(PATH, secretKey(projects));

  app.get(PATH, (c) => answer(c, settings.get(c.var.project.id)));

  app.put(PATH, bodyLimit({ maxBytes: MAX_PROGRAM_BYTES }), async (c) => {
    const program = parseJsonBody(c.var.body, rewardsConfigSchema, INVALID);
    try {
      return answer(c, await settings.update(c.var.project.id, { rewards: program }, changeOptions(c)));
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      if (error.code === 'version_conflict') throw new HttpError(409, error.code, error.message);
      if (error.code === 'invalid_settings') throw new HttpError(400, INVALID.code, INVALID.message, programIssues(error.issues));
      throw new HttpError(404, error.code, error.message);
    }
  });

  return app;
}
