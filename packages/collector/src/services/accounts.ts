import type { Batch, JsonValue } from '@hearth/schema';
import { verifyGroupToken } from '../domain/accounts/group-token.js';
import type { NewEvent } from '../domain/events.js';
import type { AccountStore } from '../storage/accounts/account-store.js';

type Traits = Record<string, JsonValue>;

/** A membership the host vouched for, with the traits it signed (if any). */
interface ProvenGroup {
  event: NewEvent;
  accountId: string;
  traits: Traits | null;
}

/**
 * Accounts on the write path: what makes a membership count, and which account each event carries.
 * Memberships and traits are written before the events (both are idempotent upserts, so a retried
 * batch changes nothing), then every event gets its account from them: claims as made, the others
 * from the memberships the write transaction reads (`NewEvent.activeAccount`).
 */
export function createAccountsService(accounts: AccountStore) {
  async function record(projectId: string, proven: readonly ProvenGroup[]): Promise<Map<NewEvent, string>> {
    const claims = new Map<NewEvent, string>();
    // One upsert per (account, user), however many of its events a server batch holds.
    const spans = new Map<string, { accountId: string; userId: string; joinedAt: number; activeAt: number }>();
    for (const { event, accountId } of proven) {
      const key = `${accountId}\u0000${event.userId}`;
      const span = spans.get(key) ?? { accountId, userId: event.userId!, joinedAt: event.timestamp, activeAt: event.timestamp };
      spans.set(key, { ...span, joinedAt: Math.min(span.joinedAt, event.timestamp), activeAt: Math.max(span.activeAt, event.timestamp) });
      claims.set(event, accountId);
    }
    for (const span of spans.values()) await accounts.addMember(projectId, span.accountId, span.userId, span);
    for (const { event, accountId, traits } of proven) {
      if (traits && Object.keys(traits).length > 0) await accounts.setTraits(projectId, accountId, traits, event.timestamp);
    }
    return claims;
  }

  /** Claims stand; every other identified event gets its active account from the store, in the write transaction. */
  function resolve(events: readonly NewEvent[], claims: Map<NewEvent, string>): NewEvent[] {
    return events.map((event) => {
      const claimed = claims.get(event);
      if (claimed !== undefined) return { ...event, accountId: claimed };
      return event.userId === null ? { ...event, accountId: null } : { ...event, activeAccount: true };
    });
  }

  return {
    /**
     * A browser batch: a group call counts only with a valid group token for its user and account
     * (then its signed traits become the account's); an unproven one is stored as what the page
     * said and changes nothing. Every identified event then carries its account.
     */
    async attachBrowser(projectId: string, secretKeys: readonly string[], batch: Batch, events: readonly NewEvent[], now: number) {
      const proven: ProvenGroup[] = [];
      for (const [index, sent] of batch.events.entries()) {
        if (sent.type !== 'group') continue;
        const proof = await verifyGroupToken(sent.groupToken, { userId: sent.userId, accountId: sent.accountId }, secretKeys, now);
        if (proof) proven.push({ event: events[index]!, accountId: proof.accountId, traits: proof.traits });
      }
      return resolve(events, await record(projectId, proven));
    },
    /** Server events (secret key): a named account is trusted and makes the user its member. */
    async attachServer(projectId: string, events: readonly NewEvent[], named: readonly (string | undefined)[]) {
      const proven = events.flatMap((event, index) => {
        const accountId = named[index];
        return accountId === undefined ? [] : [{ event, accountId, traits: null }];
      });
      return resolve(events, await record(projectId, proven));
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
