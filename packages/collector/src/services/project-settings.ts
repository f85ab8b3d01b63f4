import { projectSettingsPatchSchema, toErrorIssues, type NewSecret, type ProjectConfig, type WebhookEndpoint } from '@hearth/schema';
import type { StoredSettings } from '../storage/settings/settings-store.js';
import type { Store } from '../storage/store.js';
import { effectiveConfig } from '../domain/settings/effective-config.js';
import { keyFingerprint, newSecretKey, newWebhookSecret } from '../crypto/secrets.js';
import { SettingsError } from '../domain/settings/settings-error.js';
import type { ProjectRegistry } from './project-registry.js';
import { resolveWebhooks } from './webhook-settings.js';

/** How often a request checks the store for changes made by another collector process. */
export const SETTINGS_SYNC_MS = 5_000;

export interface ProjectSettingsDeps {
  store: Pick<Store, 'settings'>;
  /** Holds the configuration file's projects when created; each applied change replaces one there. */
  projects: ProjectRegistry;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
}

export interface ChangeOptions {
  /** The version the change was based on (`If-Match`); absent means "whatever is stored now". */
  expectedVersion?: number;
  /** Who changes it, kept with the row: `console` or `secret-key`. */
  actor: string;
}

/** A project's effective settings and the stored row's metadata (version 0: never changed at runtime). */
export interface SettingsSnapshot {
  project: ProjectConfig;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface ChangeResult extends SettingsSnapshot {
  /** Secrets made by this change, each shown in this answer only. */
  newSecrets: (NewSecret & { for: string })[];
}

/**
 * Project settings editable at runtime: the configuration file gives the defaults, the
 * store keeps what the console changed, and a change applies to the running collector on the next
 * request. Other processes sharing the database pick it up within `SETTINGS_SYNC_MS`.
 */
export function createProjectSettings({ store, projects, clock, log = console.error }: ProjectSettingsDeps) {
  // The file's values: the registry's projects before any change (changes replace them, never edit them).
  const files = new Map(projects.all().map((project) => [project.id, project]));
  const applied = new Map<string, StoredSettings | null>();
  let syncing: Promise<void> | undefined;
  let syncedAt = -Infinity;

  const fileOf = (projectId: string) => {
    const file = files.get(projectId);
    if (!file) throw new SettingsError('project_not_found', `No project "${projectId}" on this collector.`);
    return file;
  };

  const apply = (projectId: string, stored: StoredSettings | null) => {
    const result = effectiveConfig(fileOf(projectId), stored?.overrides ?? {});
    if (!result.ok) {
      // A row written by another collector version that this one cannot read: keep what applies now.
      log(`hearth-collector: stored settings of project ${projectId} are not valid here and were not applied`, result.issues);
      return;
    }
    projects.replace(result.project);
    applied.set(projectId, stored);
  };

  const refresh = async () => {
    for (const projectId of files.keys()) {
      const stored = await store.settings.get(projectId);
      if (!applied.has(projectId) || stored?.version !== applied.get(projectId)?.version) apply(projectId, stored);
    }
    syncedAt = clock();
  };

  const snapshot = (projectId: string): SettingsSnapshot => {
    const stored = applied.get(projectId) ?? null;
    return {
      project: projects.get(projectId)!,
      version: stored?.version ?? 0,
      updatedAt: stored?.updatedAt ?? null,
      updatedBy: stored?.updatedBy ?? null,
    };
  };

  /** Reads the stored row, lets `compute` derive the new overrides from it, validates, saves, applies. */
  async function change(
    projectId: string,
    options: ChangeOptions,
    compute: (
      overrides: Record<string, unknown>,
      current: ProjectConfig,
    ) => { overrides: Record<string, unknown>; newSecrets?: ChangeResult['newSecrets'] },
  ): Promise<ChangeResult> {
    fileOf(projectId);
    const stored = await store.settings.get(projectId);
    if (stored?.version !== applied.get(projectId)?.version) apply(projectId, stored);
    const version = stored?.version ?? 0;
    const expected = options.expectedVersion ?? version;
    const conflict = () =>
      new SettingsError(
        'version_conflict',
        `The settings changed meanwhile (now version ${version}); reload them and apply your change again.`,
      );
    if (expected !== version) throw conflict();
    const next = compute({ ...stored?.overrides }, projects.get(projectId)!);
    const result = effectiveConfig(fileOf(projectId), next.overrides);
    if (!result.ok) throw new SettingsError('invalid_settings', 'The settings are not valid; see issues.', result.issues);
    const saved = await store.settings.save(projectId, next.overrides, version, clock(), options.actor);
    if (!saved) throw conflict();
    apply(projectId, saved);
    return { ...snapshot(projectId), newSecrets: next.newSecrets ?? [] };
  }

  const webhookIndex = (current: ProjectConfig, fingerprint: string) => {
    const index = current.webhooks.findIndex((hook) => hook.secrets.some((secret) => keyFingerprint(secret) === fingerprint));
    if (index < 0) throw new SettingsError('webhook_not_found', `No webhook signs with ${fingerprint}.`);
    return index;
  };
  const withWebhook = (current: ProjectConfig, index: number, secrets: string[]): WebhookEndpoint[] =>
    current.webhooks.map((hook, i) => (i === index ? { ...hook, secrets } : hook));

  return {
    /** Loads stored changes once, then checks for other processes' changes at most every `SETTINGS_SYNC_MS`. */
    sync(): Promise<void> {
      if (syncing) return syncing;
      if (clock() - syncedAt < SETTINGS_SYNC_MS) return Promise.resolve();
      const first = syncedAt === -Infinity;
      syncing = refresh()
        .catch((error: unknown) => {
          // Nothing may be served before the stored settings apply (an old key or origin would); later,
          // a failed check keeps the settings in force and retries after the interval.
          if (first) throw error;
          syncedAt = clock();
          log('hearth-collector: reading project settings failed; keeping the current ones', error);
        })
        .finally(() => (syncing = undefined));
      return syncing;
    },

    get(projectId: string): SettingsSnapshot {
      fileOf(projectId);
      return snapshot(projectId);
    },

    /**
     * Changes the editable settings (`projectSettingsPatchSchema`): each present field replaces the
     * stored value. Validates the whole resulting project, stores it as the next version, and
     * applies it to the running collector. Throws `SettingsError` (invalid, conflict).
     */
    update(projectId: string, patch: unknown, options: ChangeOptions): Promise<ChangeResult> {
      const parsed = projectSettingsPatchSchema.safeParse(patch);
      if (!parsed.success)
        return Promise.reject(
          new SettingsError('invalid_settings', 'The settings are not valid; see issues.', toErrorIssues(parsed.error)),
        );
      const { webhooks, revenue, ...fields } = parsed.data;
      return change(projectId, options, (overrides, current) => {
        Object.assign(overrides, fields);
        // Stripe's signing secret is pasted once; a change that leaves it out keeps the stored one.
        if (revenue !== undefined)
          overrides.revenue = revenue && {
            ...revenue,
            stripeWebhookSecrets: revenue.stripeWebhookSecrets ?? current.revenue?.stripeWebhookSecrets ?? [],
          };
        if (webhooks === undefined) return { overrides };
        const resolved = resolveWebhooks(webhooks, current.webhooks);
        if (resolved.issues.length > 0)
          throw new SettingsError('invalid_settings', 'The settings are not valid; see issues.', resolved.issues);
        return {
          overrides: { ...overrides, webhooks: resolved.endpoints },
          newSecrets: resolved.created.map(({ url, secret }) => ({ for: url, secret, fingerprint: keyFingerprint(secret) })),
        };
      });
    },

    /** Adds a new secret key beside the current one (both verify) and returns it, once. */
    rotateSecretKey: (projectId: string, options: ChangeOptions) =>
      change(projectId, options, (overrides, current) => {
        if (current.secretKeys.length > 1)
          throw new SettingsError('rotation_in_progress', 'A key rotation is already under way: finish it before starting another.');
        const secret = newSecretKey();
        return {
          overrides: { ...overrides, secretKeys: [...current.secretKeys, secret] },
          newSecrets: [{ for: 'secretKey', secret, fingerprint: keyFingerprint(secret) }],
        };
      }),

    /** Ends a rotation: the older secret key stops working, the newer one stays. */
    finishSecretKeyRotation: (projectId: string, options: ChangeOptions) =>
      change(projectId, options, (overrides, current) => {
        if (current.secretKeys.length < 2) throw new SettingsError('not_rotating', 'No key rotation is under way.');
        return { overrides: { ...overrides, secretKeys: current.secretKeys.slice(1) } };
      }),

    /** Adds a second signing secret to the webhook signing with `fingerprint`; deliveries carry both signatures. */
    rotateWebhookSecret: (projectId: string, fingerprint: string, options: ChangeOptions) =>
      change(projectId, options, (overrides, current) => {
        const index = webhookIndex(current, fingerprint);
        const hook = current.webhooks[index]!;
        if (hook.secrets.length > 1)
          throw new SettingsError('rotation_in_progress', `The webhook ${hook.url} is already rotating its secret: finish that first.`);
        const secret = newWebhookSecret();
        return {
          overrides: { ...overrides, webhooks: withWebhook(current, index, [...hook.secrets, secret]) },
          newSecrets: [{ for: hook.url, secret, fingerprint: keyFingerprint(secret) }],
        };
      }),

    /** Drops the older signing secret of the webhook signing with `fingerprint`. */
    finishWebhookRotation: (projectId: string, fingerprint: string, options: ChangeOptions) =>
      change(projectId, options, (overrides, current) => {
        const index = webhookIndex(current, fingerprint);
        const hook = current.webhooks[index]!;
        if (hook.secrets.length < 2) throw new SettingsError('not_rotating', `The webhook ${hook.url} is not rotating its secret.`);
        return { overrides: { ...overrides, webhooks: withWebhook(current, index, hook.secrets.slice(1)) } };
      }),
  };
}

export type ProjectSettings = ReturnType<typeof createProjectSettings>;
