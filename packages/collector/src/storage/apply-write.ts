import type { JsonValue } from '@hearth/schema';
import { activeAccountAt, type Membership } from '../domain/accounts/active-account.js';
import { previousVisitEnd } from '../domain/visit.js';
import type { NewEvent, WriteResult } from '../domain/events.js';

type Awaitable<T> = T | Promise<T>;
type Properties = Record<string, JsonValue>;

export interface AnonymousKey {
  projectId: string;
  anonymousId: string;
}
export interface EventKey {
  projectId: string;
  messageId: string;
}
export interface IdentityLink {
  projectId: string;
  anonymousId: string;
  userId: string;
  /** Event time of the identify: an older, late-arriving identify must not undo a newer link. */
  linkedAt: number;
}
export interface SeenRange {
  projectId: string;
  userId: string;
  firstSeen: number;
  lastSeen: number;
  /** End of the visit before the last one within these events (domain/visit.ts), or null. */
  previousSeen: number | null;
}
export interface TraitsUpdate {
  projectId: string;
  userId: string;
  traits: Properties;
  traitsAt: number;
}
export interface StoredTraits {
  traits: Properties;
  traitsAt: number;
}

/**
 * The SQL each store runs inside one open transaction. SQLite answers synchronously, Postgres
 * asynchronously; `applyWrite` awaits both the same way so the write logic exists once.
 */
export interface WriteOps {
  /**
   * Only for stores that overlap transactions: serialises, until COMMIT, the transactions touching
   * the same anonymous ids, so a link and a new anonymous event in two concurrent transactions
   * cannot miss each other (each would not see the other's uncommitted row). Called after the
   * events are inserted and before any link state is read: whichever transaction takes the lock
   * first commits first, and the other then sees it, so the outcome is that of running one after
   * the other, while the bulk of the work (the inserts) holds no lock another request waits on.
   */
  lockAnonymousIds?(keys: readonly AnonymousKey[]): Awaitable<void>;
  /** Every membership of these users (`membershipsOf`), read in this transaction. */
  memberships(projectId: string, userIds: readonly string[]): Awaitable<Membership[]>;
  /** INSERT … ON CONFLICT DO NOTHING; returns keys of the rows actually inserted. */
  insertEvents(events: readonly NewEvent[]): Awaitable<Set<string>>;
  /** Payload hashes of stored events, by `keyOf`. */
  payloadHashes(keys: readonly EventKey[]): Awaitable<Map<string, string>>;
  /** Which of these anonymous ids are already linked to a user. */
  linkedAnonymousIds(projectId: string, anonymousIds: readonly string[]): Awaitable<Set<string>>;
  /** `ResponseStore.claim` inside this transaction: the anonymous id's survey answers become the user's. */
  claimResponses(projectId: string, anonymousId: string, userId: string): Awaitable<number>;
  upsertIdentities(links: readonly IdentityLink[]): Awaitable<void>;
  /** Gives events of linked anonymous ids that have no user their user; returns what it changed. */
  attributeAnonymous(projectId: string, anonymousIds: readonly string[]): Awaitable<{ userId: string; timestamp: number }[]>;
  /**
   * Widens first/last seen. PREVIOUS_SEEN_RULE, for a user already stored: the batch's own
   * `previousSeen` when it is not older than the stored `last_seen` (a gap inside the batch);
   * else the stored `last_seen` when the batch starts ≥ VISIT_GAP_MS after it (a new visit);
   * else unchanged. Exact for events arriving in time order; late, older events leave it as is.
   */
  upsertSeen(ranges: readonly SeenRange[]): Awaitable<void>;
  readTraits(projectId: string, userId: string): Awaitable<StoredTraits | null>;
  writeTraits(update: TraitsUpdate): Awaitable<void>;
}

export const keyOf = (key: EventKey): string => `${key.projectId}\u0000${key.messageId}`;

/** Inserts all groups' events (one transaction, opened by the caller) and counts per group. */
export async function applyWrite(ops: WriteOps, groups: readonly (readonly NewEvent[])[]): Promise<WriteResult[]> {
  const all = await withActiveAccounts(ops, groups.flat());
  const inserted = await ops.insertEvents(all);
  const notInserted = all.filter((event) => !inserted.has(keyOf(event)));
  const hashes = notInserted.length > 0 ? await ops.payloadHashes(notInserted) : new Map<string, string>();

  // A key inserted by this transaction is "accepted" once; later copies (same group or another
  // request in the same transaction) are duplicates or conflicts like any retry.
  const claimed = new Map<string, string>();
  const accepted: NewEvent[] = [];
  const results = groups.map((events) => {
    const result: WriteResult = { accepted: 0, duplicates: 0, conflicts: 0 };
    for (const event of events) {
      const key = keyOf(event);
      if (inserted.has(key) && !claimed.has(key)) {
        claimed.set(key, event.payloadHash);
        accepted.push(event);
        result.accepted += 1;
      } else if ((hashes.get(key) ?? claimed.get(key)) === event.payloadHash) result.duplicates += 1;
      else result.conflicts += 1;
    }
    return result;
  });
  if (accepted.length === 0) return results;
  // Locks late, in one call (one sorted order whatever the projects): see lockAnonymousIds.
  if (ops.lockAnonymousIds) await ops.lockAnonymousIds(accepted.filter(mayNeedLink));
  await applyIdentity(ops, accepted);
  return results;
}

/**
 * Gives the events that ask for it (`activeAccount`) their user's active account, from one read of
 * the memberships per project for the whole transaction: before, each request read them on its own.
 */
async function withActiveAccounts(ops: WriteOps, events: NewEvent[]): Promise<NewEvent[]> {
  const asking = groupBy(
    events.filter((event) => event.activeAccount && event.userId !== null),
    (event) => event.projectId,
    (event) => event.userId!,
  );
  if (asking.size === 0) return events;
  const byUser = new Map<string, Membership[]>();
  for (const [projectId, userIds] of asking) {
    for (const membership of await ops.memberships(projectId, [...userIds])) {
      const key = `${projectId}\u0000${membership.userId}`;
      byUser.set(key, [...(byUser.get(key) ?? []), membership]);
    }
  }
  return events.map((event) =>
    event.activeAccount && event.userId !== null
      ? { ...event, accountId: activeAccountAt(byUser.get(`${event.projectId}\u0000${event.userId}`) ?? [], event.timestamp) }
      : event,
  );
}

/**
 * THE MERGE RULE: what an anonymous id did before it was first linked to a user (events, survey
 * answers) becomes that user's, in the transaction that stores the link. What arrives for it
 * anonymously afterwards stays anonymous: anyone who learnt the id could have sent it, and only a
 * token proves the user. Re-identifying (every page load does) changes nothing.
 */
async function applyIdentity(ops: WriteOps, accepted: readonly NewEvent[]): Promise<void> {
  const identifies = accepted.filter((event) => event.type === 'identify' && event.userId);
  const firstLinks = new Map<string, { projectId: string; anonymousId: string; userId: string }>();
  for (const [projectId, anonymousIds] of groupBy(
    identifies,
    (e) => e.projectId,
    (e) => e.anonymousId,
  )) {
    const linked = await ops.linkedAnonymousIds(projectId, [...anonymousIds]);
    // The newest identify's user is the one the link keeps (see upsertIdentities).
    for (const event of [...identifies].sort((a, b) => a.timestamp - b.timestamp)) {
      if (event.projectId !== projectId || linked.has(event.anonymousId)) continue;
      firstLinks.set(`${projectId}\u0000${event.anonymousId}`, { projectId, anonymousId: event.anonymousId, userId: event.userId! });
    }
  }
  // Before the links are written: a claim applies only to anonymous ids not linked yet.
  for (const link of firstLinks.values()) await ops.claimResponses(link.projectId, link.anonymousId, link.userId);
  await ops.upsertIdentities(
    identifies.map((event) => ({
      projectId: event.projectId,
      anonymousId: event.anonymousId,
      userId: event.userId!,
      linkedAt: event.timestamp,
    })),
  );

  const seen = new SeenRanges();
  for (const event of accepted) if (event.userId) seen.add(event.projectId, event.userId, event.timestamp);
  for (const [projectId, anonymousIds] of groupBy(
    [...firstLinks.values()],
    (link) => link.projectId,
    (link) => link.anonymousId,
  )) {
    const attributed = await ops.attributeAnonymous(projectId, [...anonymousIds]);
    for (const row of attributed) seen.add(projectId, row.userId, row.timestamp);
  }
  await ops.upsertSeen(seen.list());

  for (const event of [...identifies].sort((a, b) => a.timestamp - b.timestamp)) {
    if (!event.traits || Object.keys(event.traits).length === 0) continue;
    const stored = await ops.readTraits(event.projectId, event.userId!);
    if (stored && stored.traitsAt > event.timestamp) continue;
    // Shallow merge: a trait the app sends replaces that trait; traits it omits are kept.
    const traits = { ...(stored?.traits ?? {}), ...event.traits };
    await ops.writeTraits({ projectId: event.projectId, userId: event.userId!, traits, traitsAt: event.timestamp });
  }
}

/**
 * Anonymous ids whose link state matters to this transaction: new events without a user (a link
 * stored concurrently decides whether they came before it) and ids being linked. On PostgreSQL
 * they are locked, so a link and an anonymous event of one id are ordered one way or the other.
 * Identified traffic (most of it, once signed in) costs no look-up at all.
 */
const mayNeedLink = (event: NewEvent): boolean => event.userId === null || event.type === 'identify';

class SeenRanges {
  readonly #times = new Map<string, { projectId: string; userId: string; times: number[] }>();
  add(projectId: string, userId: string, at: number): void {
    const key = `${projectId}\u0000${userId}`;
    const entry = this.#times.get(key) ?? { projectId, userId, times: [] };
    entry.times.push(at);
    this.#times.set(key, entry);
  }
  list(): SeenRange[] {
    return [...this.#times.values()].map(({ projectId, userId, times }) => {
      const sorted = times.sort((a, b) => a - b);
      return { projectId, userId, firstSeen: sorted[0]!, lastSeen: sorted.at(-1)!, previousSeen: previousVisitEnd(sorted) };
    });
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string, valueOf: (item: T) => string): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const item of items) {
    const key = keyOf(item);
    const set = groups.get(key) ?? new Set<string>();
    set.add(valueOf(item));
    groups.set(key, set);
  }
  return groups;
}
