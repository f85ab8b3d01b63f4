/** One user's membership of one account, as the write path reads it. */
export interface Membership {
  userId: string;
  accountId: string;
  /** Epoch ms: when the account last became the user's active one. */
  activeAt: number;
}

/**
 * The account an identified event happened in, among its user's memberships: the one the user had
 * made active most recently at the event's time (the newest `activeAt` not after it). None when
 * the event is older than every activation or the user is in no account: a browser can switch its
 * active account only with a valid group token, never by naming one. Claims made with the secret
 * key or proven by a group token are not resolved here: they stand as made.
 */
export function activeAccountAt(memberships: readonly Membership[], at: number): string | null {
  let best: Membership | undefined;
  for (const membership of memberships) {
    if (membership.activeAt > at) continue;
    // Ties (one instant, two accounts) go to the smaller id, so both stores and retries agree.
    if (!best || membership.activeAt > best.activeAt || (membership.activeAt === best.activeAt && membership.accountId < best.accountId))
      best = membership;
  }
  return best?.accountId ?? null;
}
