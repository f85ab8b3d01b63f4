import type {
  NewEntry,
  StoredEntry,
  Balance,
  AppendResult,
  CapCheck,
  EarnResult,
  NewRedemption,
  StoredRedemption,
  RedeemResult,
  StoredReferral,
  ItemUsage,
  RewardsActivity,
} from '../domain/rewards/ledger.js';
import type { NewJob } from './jobs/job-store.js';

/**
 * The ledger and everything around it, on both stores. Every write is one transaction holding the
 * user's balance row lock (SQLite: the single writer), so concurrent calls serialize per user.
 */
export interface RewardsStore {
  append(entry: NewEntry): Promise<AppendResult>;
  /** An earning from a rule: like `append`, but `capped` once the rule's caps are reached. */
  earn(entry: NewEntry & { ruleId: string }, caps: CapCheck): Promise<EarnResult>;
  balance(projectId: string, userId: string): Promise<Balance>;
  /** Newest first. */
  entries(projectId: string, userId: string, limit?: number): Promise<StoredEntry[]>;
  /** Entries per rule id, for badges and "ways to earn". */
  ruleCounts(projectId: string, userId: string): Promise<Map<string, number>>;
  /**
   * Pending redemption + debit in one transaction; refuses overspending, empty stock, per-user limits.
   * A new redemption's `jobsFor` (its fulfilment webhook) are enqueued in that same transaction.
   */
  redeem(request: NewRedemption, jobsFor?: (redemption: StoredRedemption) => readonly NewJob[]): Promise<RedeemResult>;
  /** Fulfilled, or failed with a refund entry; repeating the same outcome is a no-op. */
  settle(projectId: string, redemptionId: string, outcome: 'fulfilled' | 'failed', at: number, reason?: string): Promise<StoredRedemption>;
  redemptions(projectId: string, userId: string): Promise<StoredRedemption[]>;
  itemUsage(projectId: string, userId: string): Promise<ItemUsage>;
  /** The user's referral code, created on first ask. */
  referralCode(projectId: string, userId: string): Promise<string>;
  /** Records that `referredUserId` signed up with `code`; refuses self-referral, loops and a second referrer. */
  attachReferral(projectId: string, code: string, referredUserId: string, at: number): Promise<StoredReferral>;
  referralOf(projectId: string, referredUserId: string): Promise<StoredReferral | null>;
  markReferralConverted(projectId: string, referredUserId: string, at: number): Promise<void>;
  /** Expires points earned before `cutoff` and not spent since (oldest first); idempotent. Returns entries written. */
  expire(projectId: string, cutoff: number, at: number): Promise<number>;
  activity(projectId: string, from: number, to: number): Promise<RewardsActivity>;
  /** The ledger entries written in [from, to), oldest first: `activity`'s entries alone. */
  entriesBetween(projectId: string, from: number, to: number): Promise<StoredEntry[]>;
}
