import { secretFingerprintSchema } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ChangeOptions, ChangeResult, ProjectSettings } from '../../services/project-settings.js';
import { SettingsError } from '../../domain/settings/settings-error.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError, type ErrorStatus } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';
import { localesInUse, settingsView } from './admin-settings-view.js';

export interface AdminSettingsDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  settings: ProjectSettings;
}

/** Rewards programs and webhook lists are the largest settings; 256 KiB leaves room for both. */
const MAX_SETTINGS_BYTES = 256 * 1024;
const INVALID = { code: 'invalid_settings', message: 'The settings are not valid; see issues.' };
export const webhookRefSchema = z.object({ fingerprint: secretFingerprintSchema });

const STATUS: Record<SettingsError['code'], ErrorStatus> = {
  invalid_settings: 400,
  version_conflict: 409,
  project_not_found: 404,
  rotation_in_progress: 409,
  not_rotating: 409,
  webhook_not_found: 404,
};

/**
 * What in a settings change is an owner's call, as the refusal names it; null when nothing is.
 * Webhook endpoints get signing secrets and receive survey answers, Stripe's signing secret
 * decides which revenue facts are believed, and the event retention period deletes raw events.
 */
function ownersOnly(change: unknown): string | null {
  if (typeof change !== 'object' || change === null) return null;
  const revenue = (change as { revenue?: unknown }).revenue;
  if ('webhooks' in change || (typeof revenue === 'object' && revenue !== null && 'stripeWebhookSecrets' in revenue)) {
    return 'webhook endpoints and Stripe signing secrets are for owners';
  }
  return 'eventRetentionDays' in change ? 'the event retention period (it deletes raw events) is for owners' : null;
}

/** `If-Match: "<version>"` makes a change conditional (409 when someone else changed them first). */
export function changeOptions(c: Context<AppEnv>): ChangeOptions {
  const actor = c.var.actor.name;
  const header = c.req.header('If-Match');
  if (header === undefined) return { actor };
  const version = Number(/^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header)?.[1]);
  if (!Number.isInteger(version)) throw new HttpError(400, 'invalid_if_match', 'If-Match must be a settings version, e.g. "3".');
  return { actor, expectedVersion: version };
}

/**
 * `/v1/admin/settings`: read and change the project settings (console session with CSRF, or a
 * secret key), rotate the secret key and webhook secrets. New secrets appear only in the answer of
 * the call that made them; every other answer carries fingerprints.
 */
export function adminSettingsRoutes({ store, projects, settings }: AdminSettingsDeps) {
  const app = new Hono<AppEnv>();
  const body = bodyLimit({ maxBytes: MAX_SETTINGS_BYTES });
  app.use('/v1/admin/settings', secretKey(projects));
  app.use('/v1/admin/settings/*', secretKey(projects));

  const answer = async (c: Context<AppEnv>, run: () => Promise<ChangeResult> | ChangeResult) => {
    let result: ChangeResult;
    try {
      result = await run();
    } catch (error) {
      if (error instanceof SettingsError) throw new HttpError(STATUS[error.code], error.code, error.message, error.issues);
      throw error;
    }
    c.header('ETag', `"${result.version}"`);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...settingsView(result, await localesInUse(store, result.project.id)), newSecrets: result.newSecrets });
  };
  const webhookRef = (c: Context<AppEnv>) =>
    parseJsonBody(c.var.body, webhookRefSchema, {
      code: 'invalid_request',
      message: 'Name the webhook by a secret fingerprint; see issues.',
    }).fingerprint;

  app.get('/v1/admin/settings', (c) => answer(c, () => ({ ...settings.get(c.var.project.id), newSecrets: [] })));
  app.patch('/v1/admin/settings', body, (c) => {
    const change = parseJsonBody(c.var.body, z.unknown(), INVALID);
    const ownersCall = c.var.actor.role === 'owner' ? null : ownersOnly(change);
    if (ownersCall) throw new HttpError(403, 'forbidden_role', `Your role in ${c.var.project.name} is ${c.var.actor.role}: ${ownersCall}.`);
    return answer(c, () => settings.update(c.var.project.id, change, changeOptions(c)));
  });
  app.post('/v1/admin/settings/keys/rotate', (c) => answer(c, () => settings.rotateSecretKey(c.var.project.id, changeOptions(c))));
  app.post('/v1/admin/settings/keys/finish-rotation', (c) =>
    answer(c, () => settings.finishSecretKeyRotation(c.var.project.id, changeOptions(c))),
  );
  app.post('/v1/admin/settings/webhooks/rotate', body, (c) =>
    answer(c, () => settings.rotateWebhookSecret(c.var.project.id, webhookRef(c), changeOptions(c))),
  );
  app.post('/v1/admin/settings/webhooks/finish-rotation', body, (c) =>
    answer(c, () => settings.finishWebhookRotation(c.var.project.id, webhookRef(c), changeOptions(c))),
  );
  return app;
}
