import { projectSettingsPatchSchema, type ProjectSettingsPatchInput, type ProjectSettingsView } from '@hearth/schema';
import { validate, type FieldErrors } from './field-errors.js';

export type SurveyResponses = 'detractors' | 'all' | 'none';

/** One webhook as the form edits it; `secretsOf` ties a saved endpoint to its secrets (empty: new). */
export interface WebhookDraft {
  url: string;
  surveyResponses: SurveyResponses;
  /** Comma-separated survey ids; empty: every survey. */
  surveyIds: string;
  secretsOf: string;
  secretFingerprints: string[];
}

/** The settings form's text-first state: numbers stay text until checked, lists one entry per row. */
export interface SettingsDraft {
  brandColor: string;
  radius: string;
  font: string;
  mode: '' | 'light' | 'dark' | 'auto';
  defaultLocale: string;
  /** Comma-separated locale tags. */
  supportedLocales: string;
  inactivityDays: string;
  /** Empty: raw events are kept forever. */
  eventRetentionDays: string;
  maxPerDay: string;
  maxPerWeek: string;
  surveyGapDays: string;
  allowedOrigins: string[];
  enforce: boolean;
  respectGpc: boolean;
  webhooks: WebhookDraft[];
}

const text = (value: number | undefined) => (value === undefined ? '' : String(value));
/** Empty means "not set"; anything else goes to the schema as a number (NaN gets its error there). */
const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
const list = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export const emptyWebhook = (): WebhookDraft => ({
  url: '',
  surveyResponses: 'detractors',
  surveyIds: '',
  secretsOf: '',
  secretFingerprints: [],
});

export function draftFromSettings(view: ProjectSettingsView): SettingsDraft {
  return {
    brandColor: view.theme.brandColor ?? '',
    radius: text(view.theme.radius),
    font: view.theme.font ?? '',
    mode: view.theme.mode ?? '',
    defaultLocale: view.locales?.default ?? '',
    supportedLocales: view.locales?.supported.join(', ') ?? '',
    inactivityDays: String(view.inactivityDays),
    eventRetentionDays: text(view.eventRetentionDays ?? undefined),
    maxPerDay: String(view.fatigue.maxInterruptingPerDay),
    maxPerWeek: text(view.fatigue.maxInterruptingPerWeek),
    surveyGapDays: String(view.fatigue.minDaysBetweenSurveys),
    allowedOrigins: [...view.allowedOrigins],
    enforce: view.identityVerification.enforce,
    respectGpc: view.respectGlobalPrivacyControl,
    webhooks: view.webhooks.map((hook) => ({
      url: hook.url,
      surveyResponses: hook.surveyResponses,
      surveyIds: hook.surveyIds?.join(', ') ?? '',
      secretsOf: hook.secretFingerprints[0] ?? '',
      secretFingerprints: hook.secretFingerprints,
    })),
  };
}

/** Every editable field (rewards aside: the rewards editor owns it) as `PATCH /v1/admin/settings` takes it. */
export function toPatch(draft: SettingsDraft): ProjectSettingsPatchInput {
  const theme = {
    ...(draft.brandColor.trim() ? { brandColor: draft.brandColor.trim() } : {}),
    ...(number(draft.radius) !== undefined ? { radius: number(draft.radius) } : {}),
    ...(draft.font.trim() ? { font: draft.font.trim() } : {}),
    ...(draft.mode ? { mode: draft.mode } : {}),
  };
  const localesSet = draft.defaultLocale.trim() !== '' || draft.supportedLocales.trim() !== '';
  return {
    theme,
    locales: localesSet ? { default: draft.defaultLocale.trim(), supported: list(draft.supportedLocales) } : null,
    inactivityDays: number(draft.inactivityDays) ?? Number.NaN,
    eventRetentionDays: number(draft.eventRetentionDays) ?? null,
    fatigue: {
      maxInterruptingPerDay: number(draft.maxPerDay) ?? Number.NaN,
      ...(number(draft.maxPerWeek) !== undefined ? { maxInterruptingPerWeek: number(draft.maxPerWeek) } : {}),
      minDaysBetweenSurveys: number(draft.surveyGapDays) ?? Number.NaN,
    },
    allowedOrigins: draft.allowedOrigins.map((origin) => origin.trim()),
    identityVerification: { enforce: draft.enforce },
    respectGlobalPrivacyControl: draft.respectGpc,
    webhooks: draft.webhooks.map((hook) => ({
      url: hook.url.trim(),
      surveyResponses: hook.surveyResponses,
      ...(list(hook.surveyIds).length ? { surveyIds: list(hook.surveyIds) } : {}),
      ...(hook.secretsOf ? { secretsOf: hook.secretsOf } : {}),
    })),
  };
}

/** What the saved settings look like in the patch's terms, to tell which fields the form changed. */
function currentValues(view: ProjectSettingsView): Record<string, unknown> {
  return toPatch(draftFromSettings(view)) as Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks the draft with the collector's schema and keeps only the fields that differ from the
 * saved settings: an untouched field keeps following hearth.config.json.
 */
export function checkSettingsDraft(
  draft: SettingsDraft,
  saved: ProjectSettingsView,
): { ok: boolean; errors: FieldErrors; patch: ProjectSettingsPatchInput } {
  const full = toPatch(draft) as Record<string, unknown>;
  const before = currentValues(saved);
  const patch = Object.fromEntries(Object.entries(full).filter(([key, value]) => !same(value, before[key]))) as ProjectSettingsPatchInput;
  const result = validate(projectSettingsPatchSchema, patch);
  return result.ok ? { ok: true, errors: {}, patch } : { ok: false, errors: result.errors, patch };
}

/**
 * After a secret rotation, points the form's saved webhooks at their current secrets (matched by
 * any fingerprint they shared), keeping the person's unsaved edits to everything else.
 */
export function withCurrentSecrets(hooks: readonly WebhookDraft[], view: ProjectSettingsView): WebhookDraft[] {
  return hooks.map((hook) => {
    const current = hook.secretsOf
      ? view.webhooks.find((saved) => saved.secretFingerprints.some((fingerprint) => hook.secretFingerprints.includes(fingerprint)))
      : undefined;
    return current ? { ...hook, secretsOf: current.secretFingerprints[0] ?? '', secretFingerprints: current.secretFingerprints } : hook;
  });
}
