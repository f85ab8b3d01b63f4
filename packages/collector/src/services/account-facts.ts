import type { AudienceRule } from '@hearth/schema';
import { accountQueries, type AccountFacts, type EventMatchQuery } from '../domain/targeting/facts.js';
import { DAY_MS } from '../domain/time.js';
import type { Store } from '../storage/store.js';

/** What is asked of the active account: account rules in audiences, and shared checklists' first events. */
export interface AccountNeeds {
  audiences: readonly (AudienceRule | undefined)[];
  matches?: readonly EventMatchQuery[];
}

/**
 * The user's active account, read only when an account rule or a shared checklist needs it
 * (undefined otherwise: no query): the membership made active last (docs/accounts.md), its stored
 * traits, its active-member counts for each window the rules name and the first events attributed
 * to it that shared checklists look for. Null for an anonymous visitor or a user in no account.
 */
export async function loadAccountFacts(
  store: Pick<Store, 'accounts' | 'facts'>,
  projectId: string,
  userId: string | null,
  needs: AccountNeeds,
  now: Date,
): Promise<AccountFacts | null | undefined> {
  const queries = needs.audiences.map(accountQueries);
  const matches = needs.matches ?? [];
  if (!queries.some((q) => q.account) && matches.length === 0) return undefined;
  if (userId === null) return null;
  // Newest active first: the first is the account the user works in now.
  const [active] = await store.accounts.accountsOf(projectId, userId);
  if (!active) return null;
  const windows = [...new Set(queries.flatMap((q) => q.activeMemberDays))];
  const [counts, firstEvents] = await Promise.all([
    Promise.all(
      windows.map(
        async (days) => [days, await store.accounts.activeMembers(projectId, active.accountId, now.getTime() - days * DAY_MS)] as const,
      ),
    ),
    store.facts.accountMatches(projectId, active.accountId, matches),
  ]);
  return { accountId: active.accountId, traits: active.traits, activeMembers: new Map(counts), firstEvents };
}
