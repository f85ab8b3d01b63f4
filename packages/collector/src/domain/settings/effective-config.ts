import { projectConfigSchema, toErrorIssues, type ErrorIssue, type ProjectConfig } from '@hearth/schema';
import { webhookTargetIssues } from '../../net/webhook-target.js';

/** Fields a runtime change may set; everything else (id, name, public key, prompts) stays the file's. */
export const OVERRIDABLE = [
  'theme',
  'locales',
  'inactivityDays',
  'eventRetentionDays',
  'fatigue',
  'allowedOrigins',
  'identityVerification',
  'respectGlobalPrivacyControl',
  'webhooks',
  'rewards',
  'revenue',
  'secretKeys',
] as const;

/**
 * The project as it applies now: the file's values with the stored overrides on top, validated as
 * a whole (a `null` override removes an optional setting), webhook URLs included (none pointing
 * inside the network unless the file allows private targets). Unknown stored fields are ignored, so
 * an older row never smuggles in a field a newer collector made file-only.
 */
export function effectiveConfig(
  file: ProjectConfig,
  overrides: Record<string, unknown>,
): { ok: true; project: ProjectConfig } | { ok: false; issues: ErrorIssue[] } {
  const merged: Record<string, unknown> = { ...file };
  for (const field of OVERRIDABLE) {
    if (!(field in overrides)) continue;
    if (overrides[field] === null) delete merged[field];
    else merged[field] = overrides[field];
  }
  const parsed = projectConfigSchema.safeParse(merged);
  if (!parsed.success) return { ok: false, issues: toErrorIssues(parsed.error) };
  const issues = webhookTargetIssues(parsed.data);
  return issues.length === 0 ? { ok: true, project: parsed.data } : { ok: false, issues };
}
