import { TeamError, type TeamErrorCode } from '../../domain/team/team-error.js';
import { HttpError, type ErrorStatus } from '../http-error.js';

const STATUS: Record<TeamErrorCode, ErrorStatus> = {
  admin_not_configured: 403,
  wrong_password: 401,
  invite_not_found: 404,
  member_not_found: 404,
  session_not_found: 404,
  last_owner: 409,
  invalid_invite_acceptance: 400,
};

/** Runs a team operation, answering its refusals with their HTTP status. */
export async function teamErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TeamError) throw new HttpError(STATUS[error.code], error.code, error.message, error.issues);
    throw error;
  }
}
