import { createHash } from 'node:crypto';
import type { CollectorConfig, ProjectConfig } from '@hearth/schema';
import { Hono } from 'hono';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminSettingsDeps {
  store: Store;
  config: CollectorConfig;
}

/** Enough of a secret to tell two apart (and match a key in a vault), never enough to use it. */
export const keyFingerprint = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;

/** Every locale the project's prompts are written or translated in, default locales first. */
async function projectLocales(store: Store, projectId: string): Promise<string[]> {
  const prompts = (await store.prompts.list(projectId)).map((record) => record.prompt);
  const announcements = (await store.announcements.list(projectId)).map((record) => record.announcement);
  const all = [...prompts, ...announcements];
  return [...new Set([...all.map((p) => p.defaultLocale), ...all.flatMap((p) => Object.keys(p.translations))])];
}

/** What the console's settings page shows: the configuration file's values, without any secret. */
export function settingsView(project: ProjectConfig, locales: string[]) {
  return {
    project: { id: project.id, name: project.name },
    /** Settings come from hearth.config.json; the console shows them but cannot change them. */
    editable: false,
    /** No project-level theme exists yet: the widget's defaults apply, hosts override with `--hearth-*`. */
    theme: null,
    locales,
    inactivityDays: project.inactivityDays,
    fatigue: project.fatigue,
    allowedOrigins: project.allowedOrigins,
    identityVerification: project.identityVerification,
    respectGlobalPrivacyControl: project.respectGlobalPrivacyControl,
    keys: {
      publicKey: project.publicKey,
      secretKeyFingerprints: project.secretKeys.map(keyFingerprint),
      /** Two secrets are active while one is being rotated out. */
      rotating: project.secretKeys.length > 1,
    },
    webhooks: project.webhooks.map(({ url, surveyResponses, surveyIds, secrets }) => ({
      url,
      surveyResponses,
      ...(surveyIds ? { surveyIds } : {}),
      secretFingerprints: secrets.map(keyFingerprint),
    })),
    rewards: project.rewards ?? null,
  };
}

/** `GET /v1/admin/settings`: the project's settings, read-only (edit hearth.config.json and restart). */
export function adminSettingsRoutes({ store, config }: AdminSettingsDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/settings', secretKey(config.projects));
  app.get('/v1/admin/settings', async (c) => c.json(settingsView(c.var.project, await projectLocales(store, c.var.project.id))));
  return app;
}
