import type { Balance, RedemptionStatus, StoredEntry, StoredRedemption, StoredReferral } from '../domain/rewards/ledger.js';

type Awaitable<T> = T | Promise<T>;

/**
 * The SQL each store runs inside one open transaction. SQLite answers synchronously and must stay
 * synchronous (an `await` inside its transaction would let the event writer's BEGIN interleave on
 * the one connection); Postgres answers with promises. The write logic is written once, as
 * generators (`rewards-logic.ts`), and each store drives it its own way (`runSync`/`runAsync`).
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
  insertRedemption(projectId: string, redemption: { id: string; userId: string; itemId: string; cost: number; at: number }): Awaitable<void>;
  /** Live (pending or fulfilled) redemptions of an item, of one user when given. */
  countRedemptions(projectId: string, itemId: string, userId: string | null): Awaitable<number>;
  settleRedemption(projectId: string, id: string, status: RedemptionStatus, at: number, reason: string | null): Awaitable<void>;
  userOfCode(projectId: string, code: string): Awaitable<string | null>;
  getReferral(projectId: string, referredUserId: string): Awaitable<StoredReferral | null>;
  insertReferral(projectId: string, referrerUserId: string, referredUserId: string, at: number): Awaitable<void>;
  /** Positive points created before `cutoff`, and everything ever debited (as a positive number). */
  expirySums(projectId: string, userId: string, cutoff: number): Awaitable<{ oldEarned: number; debited: number }>;
}

/** A transaction's logic: yields store answers (values or promises), returns its result. */
export type TxLogic<T> = Generator<unknown, T, unknown>;

/** `const x = yield* ask(ops.something())`: a typed round trip through the driver. */
export function* ask<T>(answer: Awaitable<T>): Generator<Awaitable<T>, T, unknown> {
  return (yield answer) as T;
}

/** Drives logic over synchronous ops (SQLite): no `await`, so nothing can interleave. */
export function runSync<T>(logic: TxLogic<T>): T {
  let step = logic.next();
  while (!step.done) {
    if (step.value instanceof Promise) throw new Error('a synchronous store returned a promise');
    step = logic.next(step.value);
  }
  return step.value;
}

/** Drives logic over asynchronous ops (Postgres). */
export async function runAsync<T>(logic: TxLogic<T>): Promise<T> {
  let step = logic.next();
  while (!step.done) step = logic.next(await step.value);
  return step.value;
}
