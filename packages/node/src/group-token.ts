import { signToken, type MintUserTokenOptions } from './user-token.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface MintGroupTokenOptions extends MintUserTokenOptions {
  /** Account traits you vouch for (plan, seats, MRR, created date): stored as the account's trusted traits. */
  traits?: Record<string, Json>;
}

/**
 * The token for `Hearth('group', accountId, traits, { groupToken })`: an HS256 JWT
 * `{ sub: userId, account: accountId, traits?, iat, exp }` signed with the project's secret key.
 * It proves the signed-in user belongs to the account; the traits it signs become the account's
 * trusted traits (a browser's own `traits` argument never does). Run it on your backend only.
 *
 *   const groupToken = mintGroupToken(user.id, team.id, { secretKey, traits: { plan: team.plan, seats: team.seats } });
 */
export function mintGroupToken(userId: string, accountId: string, options: MintGroupTokenOptions): string {
  if (!userId) throw new TypeError('mintGroupToken: userId must not be empty');
  if (!accountId) throw new TypeError('mintGroupToken: accountId must not be empty');
  const { traits, ...rest } = options;
  return signToken('mintGroupToken', { sub: userId, account: accountId, ...(traits ? { traits } : {}) }, rest);
}
