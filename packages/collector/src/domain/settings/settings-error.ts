import type { ErrorIssue } from '@hearth/schema';

export type SettingsErrorCode =
  'invalid_settings' | 'version_conflict' | 'project_not_found' | 'rotation_in_progress' | 'not_rotating' | 'webhook_not_found';

/** A refused settings change; routes turn the code into an HTTP status. */
export class SettingsError extends Error {
  override name = 'SettingsError';

  constructor(
    readonly code: SettingsErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}
