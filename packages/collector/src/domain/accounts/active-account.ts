import type { NewEvent } from '../events.js';

/** One user's membership of one account, as the write path reads it. */
export interface Membership {
  userId: string;
  accountId: string;
  /** Epoch ms: when the account last became the user's active one. */
  activeAt: number;
}

/**
 * The account each event happened in. A claim made with the secret key (a server event's
 * `accountId`) or proven by a group token (the group event itself) stands. Any other identified
 * event is given the account the user had made active most recently at the event's time: the
 * membership with the newest `activeAt` not after the event. An event older than every
 * activation, or of a user in no account, or anonymous, carries none: a browser can switch its
 * active account only with a valid group token, never by naming one.
 */
export function resolveAccounts(
  events: readonly NewEvent[],
  memberships: readonly Membership[],
  trustedClaims: ReadonlyMap<NewEvent, string>,
): NewEvent[] {
  const byUser = new Map<string, Membership[]>();
  for (const membership of memberships) {
    const list = byUser.get(membership.userId) ?? [];
    list.push(membership);
    byUser.set(membership.userId, list);
  }
  return events.map((event) => {
    const claimed = trustedClaims.get(event);
    if (claimed !== undefined) return { ...event, accountId: claimed };
    if (event.userId === null) return { ...event, accountId: null };
    let best: Membership | undefined;
    for (const membership of byUser.get(event.userId) ?? []) {
      if (membership.activeAt > event.timestamp) continue;
      // Ties (one instant, two accounts) go to the smaller id, so both stores and retries agree.
      if (!best || membership.activeAt > best.activeAt || (membership.activeAt === best.activeAt && membership.accountId < best.accountId))
        best = membership;
    }
    return { ...event, accountId: best?.accountId ?? null };
  });
}
