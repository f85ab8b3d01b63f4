import type { Balance, RedemptionStatus, StoredEntry, StoredRedemption, StoredReferral } from '../domain/rewards/ledger.js';

type Awaitable<T> = T | Promise<T>;

/**
 * The ledger's SQL inside one open transaction (`rewards-sql.ts`), answered synchronously on SQLite
 * and with promises on PostgreSQL; the write logic over it is written once, as generators
 * (`rewards-logic.ts`, driven by `sql/transaction.ts`).
 */
export interface LedgerOps {
  /** The user's balance row, created at zero if missing, locked until the transaction ends. */
  lockBalance(projectId: string, userId: string): Awaitable<Balance>;
  setBalance(projectId: string, userId: string, balance: Balance): Awaitable<void>;
  /** Serializes transactions on a project-wide name (item stock, referral graph); SQLite: no-op. */
  lockName(projectId: string, name: string): Awaitable<void>;
  getEntry(projectId: string, id: string): Awaitable<StoredEntry | null>;
  insertEntry(projectId: string, entry: Omit<StoredEntry, 'at'> & { at: number }): Awaitable<void>;
  countRuleEntries(projectId: string, userId: string, ruleId: string, since: number): Awaitable<number>;
  getRedemption(projectId: string, id: string): Awaitable<StoredRedemption | null>;
  insertRedemption(
    projectId: string,
    redemption: { id: string; userId: string; itemId: string; cost: number; at: number },
  ): Awaitable<void>;
  /** Live (pending or fulfilled) redemptions of an item, of one user when given. */
  countRedemptions(projectId: string, itemId: string, userId: string | null): Awaitable<number>;
  settleRedemption(projectId: string, id: string, status: RedemptionStatus, at: number, reason: string | null): Awaitable<void>;
  userOfCode(projectId: string, code: string): Awaitable<string | null>;
  getReferral(projectId: string, referredUserId: string): Awaitable<StoredReferral | null>;
  insertReferral(projectId: string, referrerUserId: string, referredUserId: string, at: number): Awaitable<void>;
  /** Positive points created before `cutoff`, and everything ever debited (as a positive number). */
  expirySums(projectId: string, userId: string, cutoff: number): Awaitable<{ oldEarned: number; debited: number }>;
}
