import type { AudienceRule } from '@hearth/schema';
import { accountQueries, type AccountFacts } from '../domain/targeting/facts.js';
import { DAY_MS } from '../domain/time.js';
import type { AccountStore } from '../storage/accounts/account-store.js';

/**
 * The user's active account for the account rules of `audiences`, read only when one of them has
 * such a rule (undefined otherwise: no query): the membership made active last (docs/accounts.md),
 * its stored traits, and its active-member counts for each window the rules name. Null for an
 * anonymous visitor or a user in no account.
 */
export async function loadAccountFacts(
  accounts: AccountStore,
  projectId: string,
  userId: string | null,
  audiences: readonly (AudienceRule | undefined)[],
  now: Date,
): Promise<AccountFacts | null | undefined> {
  const queries = audiences.map(accountQueries);
  if (!queries.some((q) => q.account)) return undefined;
  if (userId === null) return null;
  // Newest active first: the first is the account the user works in now.
  const [active] = await accounts.accountsOf(projectId, userId);
  if (!active) return null;
  const windows = [...new Set(queries.flatMap((q) => q.activeMemberDays))];
  const counts = await Promise.all(
    windows.map(async (days) => [days, await accounts.activeMembers(projectId, active.accountId, now.getTime() - days * DAY_MS)] as const),
  );
  return { accountId: active.accountId, traits: active.traits, activeMembers: new Map(counts) };
}
