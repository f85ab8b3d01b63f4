import type { ProjectSettingsView } from '@hearth/schema';
import type { SettingsSnapshot } from '../../services/project-settings.js';
import { keyFingerprint } from '../../crypto/secrets.js';
import type { Store } from '../../storage/store.js';

/** Every locale the project's prompts and announcements are written or translated in, default locales first. */
export async function localesInUse(store: Store, projectId: string): Promise<string[]> {
  const prompts = (await store.prompts.list(projectId)).map((record) => record.prompt);
  const announcements = (await store.announcements.list(projectId)).map((record) => record.announcement);
  const all = [...prompts, ...announcements];
  return [...new Set([...all.map((p) => p.defaultLocale), ...all.flatMap((p) => Object.keys(p.translations))])];
}

/** What the console's settings page shows: the effective settings, secrets only as fingerprints. */
export function settingsView({ project, version, updatedAt, updatedBy }: SettingsSnapshot, locales: string[]): ProjectSettingsView {
  return {
    project: { id: project.id, name: project.name },
    version,
    updatedAt,
    updatedBy,
    theme: project.theme,
    locales: project.locales ?? null,
    localesInUse: locales,
    inactivityDays: project.inactivityDays,
    eventRetentionDays: project.eventRetentionDays ?? null,
    fatigue: project.fatigue,
    allowedOrigins: project.allowedOrigins,
    identityVerification: project.identityVerification,
    respectGlobalPrivacyControl: project.respectGlobalPrivacyControl,
    keys: {
      publicKey: project.publicKey,
      secretKeyFingerprints: project.secretKeys.map(keyFingerprint),
      rotating: project.secretKeys.length > 1,
    },
    webhooks: project.webhooks.map(({ url, surveyResponses, surveyIds, secrets }) => ({
      url,
      surveyResponses,
      ...(surveyIds ? { surveyIds } : {}),
      secretFingerprints: secrets.map(keyFingerprint),
    })),
    rewards: project.rewards ?? null,
    revenue: project.revenue
      ? (({ stripeWebhookSecrets, ...rest }) => ({ ...rest, stripeWebhookSecretFingerprints: stripeWebhookSecrets.map(keyFingerprint) }))(
          project.revenue,
        )
      : null,
  };
}
