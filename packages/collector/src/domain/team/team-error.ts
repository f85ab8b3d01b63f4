import type { ErrorIssue } from '@hearth/schema';

export type TeamErrorCode =
  | 'admin_not_configured'
  | 'wrong_password'
  | 'invite_not_found'
  | 'member_not_found'
  | 'session_not_found'
  | 'last_owner'
  | 'invalid_invite_acceptance';

/** A refused team operation; routes turn the code into an HTTP status. */
export class TeamError extends Error {
  override name = 'TeamError';

  constructor(
    readonly code: TeamErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}
