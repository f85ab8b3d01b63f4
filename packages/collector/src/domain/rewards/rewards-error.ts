/** Refusals the HTTP layer maps to statuses (409 for state conflicts, 404, 422). */
export type RewardsErrorCode =
  | 'idempotency_conflict'
  | 'insufficient_points'
  | 'out_of_stock'
  | 'limit_reached'
  | 'redemption_not_found'
  | 'already_settled'
  | 'unknown_referral_code'
  | 'self_referral'
  | 'referral_loop'
  | 'already_referred'
  | 'unknown_item';

/** A rewards rule refused the request: thrown by the engine and by the ledger's transactions. */
export class RewardsError extends Error {
  override name = 'RewardsError';
  readonly code: RewardsErrorCode;
  constructor(code: RewardsErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
