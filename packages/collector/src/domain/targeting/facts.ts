import type { AudienceRule, JsonValue } from '@hearth/schema';
import { DAY_MS } from '../time.js';

/** Property values an event filter compares with `===`. */
export type PropertyValue = string | number | boolean | null;

/** "How many `event`s in the last `withinDays` × 24 h?" (`null`: ever). One per behaviour rule. */
export interface EventCountQuery {
  event: string;
  withinDays: number | null;
}

/** "When did the user first track `event` with properties equal to `where`?" One per checklist item. */
export interface EventMatchQuery {
  event: string;
  where: Readonly<Record<string, PropertyValue>> | null;
}

/** What the rules know about one user; built by the store, read synchronously by the domain. */
export interface UserProfile {
  /** The user id, or the anonymous id for users who have not identified yet. */
  userId: string;
  traits: Readonly<Record<string, JsonValue>>;
  locale: string | null;
  firstSeen: Date | null;
  /**
   * Last activity *before the current visit*. If the store updated it with the very batch that
   * opened this visit, "inactive ≥ N days" win-back rules could never match a returning user.
   */
  lastSeen: Date | null;
}

/**
 * What account rules know about the user's active account (the membership made active last):
 * its id, its traits (only ever host-signed or server-set) and, per `withinDays` the rules ask,
 * how many members had an event in the last `withinDays` × 24 h.
 */
export interface AccountFacts {
  accountId: string;
  traits: Readonly<Record<string, JsonValue>>;
  activeMembers: ReadonlyMap<number, number>;
  /** First events attributed to the account (any member's), by `matchKey`: shared checklists. */
  firstEvents: ReadonlyMap<string, Date | null>;
}

export interface UserFacts extends UserProfile {
  countEvents(event: string, withinDays: number | null): number;
  firstEventAt(event: string, where: Readonly<Record<string, PropertyValue>> | null): Date | null;
  /** The user's active account, or null when in none (or anonymous). */
  account(): AccountFacts | null;
  /** Members of the active account active in the last `withinDays` × 24 h; null when in no account. */
  activeMembers(withinDays: number): number | null;
}

export interface FactQueries {
  counts: EventCountQuery[];
  matches: EventMatchQuery[];
}

export const countKey = (q: EventCountQuery): string => JSON.stringify([q.event, q.withinDays]);
/** Sorted keys, so `{a,b}` and `{b,a}` are one query. */
export const matchKey = (q: EventMatchQuery): string =>
  JSON.stringify([q.event, q.where && Object.entries(q.where).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);

/** The event counts an audience's behaviour rules ask for (with repeats). */
export function audienceQueries(rule: AudienceRule | undefined): EventCountQuery[] {
  if (!rule) return [];
  if (rule.type === 'all' || rule.type === 'any') return rule.rules.flatMap(audienceQueries);
  if (rule.type === 'not') return audienceQueries(rule.rule);
  return rule.type === 'behavior' ? [{ event: rule.event, withinDays: rule.withinDays ?? null }] : [];
}

/**
 * The account rules of an audience: whether any reads the account at all, and the `withinDays` of
 * its active-member rules, so the loader asks the store only what the rules need.
 */
export function accountQueries(rule: AudienceRule | undefined): { account: boolean; activeMemberDays: number[] } {
  const leaves = (r: AudienceRule | undefined): AudienceRule[] =>
    !r ? [] : r.type === 'all' || r.type === 'any' ? r.rules.flatMap(leaves) : r.type === 'not' ? leaves(r.rule) : [r];
  const found = leaves(rule).filter((r) => r.type === 'accountTrait' || r.type === 'accountActiveMembers');
  const days = found.flatMap((r) => (r.type === 'accountActiveMembers' ? [r.withinDays] : []));
  return { account: found.length > 0, activeMemberDays: [...new Set(days)] };
}

export interface FactAnswers {
  counts: ReadonlyMap<string, number>;
  /** `null` when the user never tracked a matching event. */
  firstEvents: ReadonlyMap<string, Date | null>;
  /** The active account (null: in none); absent when no rule asked for it. */
  account?: AccountFacts | null;
}

/** Wraps a store's answers; asking something that was not precomputed is a bug, so it throws. */
export function createUserFacts(profile: UserProfile, answers: FactAnswers): UserFacts {
  const account = () => {
    if (answers.account === undefined) throw new Error('the active account was not loaded (see accountQueries)');
    return answers.account;
  };
  return {
    ...profile,
    countEvents(event, withinDays) {
      const count = answers.counts.get(countKey({ event, withinDays }));
      if (count === undefined) throw new Error(`event count for "${event}" (${withinDays ?? 'ever'} days) was not precomputed`);
      return count;
    },
    firstEventAt(event, where) {
      const at = answers.firstEvents.get(matchKey({ event, where }));
      if (at === undefined) throw new Error(`first "${event}" event ${JSON.stringify(where)} was not precomputed`);
      return at;
    },
    account,
    activeMembers(withinDays) {
      const active = account();
      if (!active) return null;
      const count = active.activeMembers.get(withinDays);
      if (count === undefined) throw new Error(`active members in the last ${withinDays} days were not precomputed`);
      return count;
    },
  };
}

export interface FactEvent {
  name: string;
  at: Date;
  properties: Readonly<Record<string, JsonValue>>;
}

function matches(event: FactEvent, q: EventMatchQuery): boolean {
  if (event.name !== q.event) return false;
  return Object.entries(q.where ?? {}).every(([key, value]) => Object.hasOwn(event.properties, key) && event.properties[key] === value);
}

/**
 * The reference answer to `queries` over one user's events, in memory. Stores whose SQL answers
 * the same queries should agree with it (use it in their conformance tests); tests use it too.
 * Windows start at `now − withinDays × 24 h`, inclusive.
 */
export function answerFactQueries(queries: FactQueries, events: readonly FactEvent[], now: Date): FactAnswers {
  const counts = new Map<string, number>();
  for (const q of queries.counts) {
    const since = q.withinDays === null ? -Infinity : now.getTime() - q.withinDays * DAY_MS;
    counts.set(countKey(q), events.filter((e) => e.name === q.event && e.at.getTime() >= since).length);
  }
  const firstEvents = new Map<string, Date | null>();
  for (const q of queries.matches) {
    const times = events.filter((e) => matches(e, q)).map((e) => e.at.getTime());
    firstEvents.set(matchKey(q), times.length ? new Date(Math.min(...times)) : null);
  }
  return { counts, firstEvents };
}
