import type { JsonValue } from '@hearth/schema';
import type { StoredResponse } from '../../domain/survey/response.js';
import type { StoredEvent } from '../../domain/events.js';

export interface UserSummary {
  userId: string;
  traits: Record<string, JsonValue>;
  /** ISO 8601. */
  firstSeen: string;
  lastSeen: string;
}

export interface UserQuery {
  /** Matches user ids starting with this text (case-sensitive, like the ids themselves). */
  idPrefix?: string;
  /** Matches users whose trait `key`, as text, equals `value` (`true`, `4`, `pro`). */
  trait?: { key: string; value: string };
  limit: number;
  /** The last user id of the previous page. */
  after?: string;
}

export interface UserPage {
  users: UserSummary[];
  /** The `after` of the next page; null on the last one. */
  nextAfter: string | null;
}

export interface UserReferrals {
  /** The user's own referral code, if one was ever handed out. */
  code: string | null;
  referredBy: { userId: string; createdAt: string; convertedAt: string | null } | null;
  referred: { userId: string; createdAt: string; convertedAt: string | null }[];
}

/**
 * What was removed (or anonymised) by one erasure. A second erasure of the same user finds
 * nothing and answers all zeros: the operation is idempotent.
 */
export interface ErasureCounts {
  events: number;
  identities: number;
  users: number;
  surveyResponses: number;
  referralCodes: number;
  accountMemberships: number;
  /** Ledger rows kept for the KPIs, with the user id replaced by a random, unlinked one. */
  rewardEntriesAnonymised: number;
  rewardRedemptionsAnonymised: number;
  rewardBalancesAnonymised: number;
  referralsAnonymised: number;
}

/** What the project has received, for the console's suggestions (see `UserStore.vocabulary`). */
export interface Vocabulary {
  events: string[];
  traits: string[];
  accountTraits: string[];
}

/** `store.users`: finding one person, reading what is held about them, and erasing it (privacy). */
export interface UserStore {
  search(projectId: string, query: UserQuery): Promise<UserPage>;
  /** The user's newest events first (attributed ones: sent with the id or linked by `identify`). */
  recentEvents(projectId: string, userId: string, limit: number): Promise<StoredEvent[]>;
  /** Every survey response stored under the user id or one of the user's anonymous ids. */
  responses(projectId: string, userId: string): Promise<StoredResponse[]>;
  /**
   * The traits the host's backend vouches for (secret-key API), `{}` when it set none. Rewards
   * audiences read only these: a browser's `identify` traits never unlock points or items.
   */
  trustedTraits(projectId: string, userId: string): Promise<Record<string, JsonValue>>;
  /** Replaces the user's trusted traits as a whole. */
  setTrustedTraits(projectId: string, userId: string, traits: Record<string, JsonValue>, at: number): Promise<void>;
  /** Read-only: never creates a referral code (unlike `rewards.referralCode`). */
  referrals(projectId: string, userId: string): Promise<UserReferrals>;
  /**
   * Tracked event names (most used first), the trait keys of the most recently seen users and
   * those of the accounts whose traits were set most recently (by name), at most `limit` of each:
   * the editors suggest these instead of asking for exact spellings.
   */
  vocabulary(projectId: string, limit: number): Promise<Vocabulary>;
  /** Deletes the user's personal data in one transaction; see docs/privacy.md for what stays. */
  erase(projectId: string, userId: string): Promise<ErasureCounts>;
}
