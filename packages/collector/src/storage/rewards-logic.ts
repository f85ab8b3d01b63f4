import type { LedgerOps } from './rewards-ops.js';
import { ask, type TxLogic } from './sql/transaction.js';
import { RewardsError } from '../domain/rewards/rewards-error.js';
import type {
  AppendResult,
  Balance,
  CapCheck,
  EarnResult,
  NewEntry,
  NewRedemption,
  RedeemResult,
  StoredEntry,
  StoredRedemption,
  StoredReferral,
} from '../domain/rewards/ledger.js';

/**
 * The ledger's write rules, once for both stores (see `rewards-ops.ts` for why generators). Every
 * transaction locks the user's balance row first, so checks and writes for one user never race.
 */

const sameEntry = (stored: StoredEntry, entry: NewEntry) =>
  stored.userId === entry.userId && stored.amount === entry.amount && stored.reason === entry.reason && stored.ruleId === entry.ruleId;

const conflict = (id: string) =>
  new RewardsError('idempotency_conflict', `The idempotency key "${id}" was already used with different parameters.`);

/** An earlier entry with this key: the same call repeated (its first result), or a conflict. */
function* previous(ops: LedgerOps, entry: NewEntry, balance: Balance): Generator<unknown, AppendResult | null, unknown> {
  const stored = yield* ask(ops.getEntry(entry.projectId, entry.id));
  if (!stored) return null;
  if (!sameEntry(stored, entry)) throw conflict(entry.id);
  return { status: 'duplicate', entry: stored, ...balance };
}

/**
 * Writes the entry under an already held lock; refuses a balance below zero. Lifetime is the points
 * earned: positive entries except `returned` ones (a failed redemption's refund gives back points
 * already counted when they were earned, so it must not raise the lifetime or the tier).
 */
function* write(ops: LedgerOps, entry: NewEntry, balance: Balance, returned = false): Generator<unknown, AppendResult, unknown> {
  const earned = returned ? 0 : Math.max(0, entry.amount);
  const next = { balance: balance.balance + entry.amount, lifetime: balance.lifetime + earned };
  if (next.balance < 0) {
    throw new RewardsError('insufficient_points', `User ${entry.userId} has ${balance.balance} points; ${-entry.amount} cannot be taken.`);
  }
  const stored = { id: entry.id, userId: entry.userId, amount: entry.amount, reason: entry.reason, ruleId: entry.ruleId };
  yield* ask(ops.insertEntry(entry.projectId, { ...stored, at: entry.at }));
  yield* ask(ops.setBalance(entry.projectId, entry.userId, next));
  return { status: 'created', entry: { ...stored, at: new Date(entry.at).toISOString() }, ...next };
}

export function* appendLogic(ops: LedgerOps, entry: NewEntry): TxLogic<AppendResult> {
  const balance = yield* ask(ops.lockBalance(entry.projectId, entry.userId));
  return (yield* previous(ops, entry, balance)) ?? (yield* write(ops, entry, balance));
}

export function* earnLogic(ops: LedgerOps, entry: NewEntry & { ruleId: string }, caps: CapCheck): TxLogic<EarnResult> {
  const balance = yield* ask(ops.lockBalance(entry.projectId, entry.userId));
  const repeated = yield* previous(ops, entry, balance);
  if (repeated) return repeated;
  for (const window of caps.windows) {
    const count = yield* ask(ops.countRuleEntries(entry.projectId, entry.userId, entry.ruleId, window.since));
    if (count >= window.max) return { status: 'capped', ...balance };
  }
  return yield* write(ops, entry, balance);
}

export const debitId = (redemptionId: string) => `redeem:${redemptionId}`;
export const refundId = (redemptionId: string) => `refund:${redemptionId}`;

export function* redeemLogic(ops: LedgerOps, request: NewRedemption): TxLogic<RedeemResult> {
  const { projectId, userId, item } = request;
  const balance = yield* ask(ops.lockBalance(projectId, userId));
  const existing = yield* ask(ops.getRedemption(projectId, request.id));
  if (existing) {
    if (existing.userId !== userId || existing.itemId !== item.id || existing.cost !== item.cost) throw conflict(request.id);
    return { status: 'duplicate', redemption: existing, ...balance };
  }
  if (item.perUserLimit !== undefined && (yield* ask(ops.countRedemptions(projectId, item.id, userId))) >= item.perUserLimit) {
    throw new RewardsError('limit_reached', `"${item.id}" can be redeemed at most ${item.perUserLimit} times per user.`);
  }
  if (item.stock !== undefined) {
    // Stock is shared by all users: serialize on the item too (always after the user lock).
    yield* ask(ops.lockName(projectId, `item:${item.id}`));
    if ((yield* ask(ops.countRedemptions(projectId, item.id, null))) >= item.stock) {
      throw new RewardsError('out_of_stock', `"${item.id}" is out of stock.`);
    }
  }
  yield* ask(ops.insertRedemption(projectId, { id: request.id, userId, itemId: item.id, cost: item.cost, at: request.at }));
  const debit = {
    projectId,
    id: debitId(request.id),
    userId,
    amount: -item.cost,
    reason: `Redeemed ${item.id}`,
    ruleId: null,
    at: request.at,
  };
  const written = yield* write(ops, debit, balance);
  const redemption = yield* ask(ops.getRedemption(projectId, request.id));
  return { status: 'created', redemption: redemption!, balance: written.balance, lifetime: written.lifetime };
}

export function* settleLogic(
  ops: LedgerOps,
  projectId: string,
  id: string,
  outcome: 'fulfilled' | 'failed',
  at: number,
  reason: string | null,
): TxLogic<StoredRedemption> {
  const found = yield* ask(ops.getRedemption(projectId, id));
  if (!found) throw new RewardsError('redemption_not_found', `No redemption "${id}".`);
  const balance = yield* ask(ops.lockBalance(projectId, found.userId));
  // Re-read under the lock: another settle may have won the race.
  const redemption = (yield* ask(ops.getRedemption(projectId, id)))!;
  if (redemption.status === outcome) return redemption;
  if (redemption.status !== 'pending') {
    throw new RewardsError('already_settled', `Redemption "${id}" is already ${redemption.status}.`);
  }
  yield* ask(ops.settleRedemption(projectId, id, outcome, at, reason));
  if (outcome === 'failed') {
    const refund = {
      projectId,
      id: refundId(id),
      userId: redemption.userId,
      amount: redemption.cost,
      reason: `Refund: ${redemption.itemId}`,
      ruleId: null,
      at,
    };
    yield* write(ops, refund, balance, true);
  }
  return (yield* ask(ops.getRedemption(projectId, id)))!;
}

/** Longest referral chain walked when looking for a loop; deeper chains are refused outright. */
const MAX_CHAIN = 1_000;

export function* attachReferralLogic(
  ops: LedgerOps,
  projectId: string,
  code: string,
  referredUserId: string,
  at: number,
): TxLogic<StoredReferral> {
  // One referral graph per project: attaches serialize so two crossing attaches cannot form a loop.
  yield* ask(ops.lockName(projectId, 'referrals'));
  const referrer = yield* ask(ops.userOfCode(projectId, code));
  if (!referrer) throw new RewardsError('unknown_referral_code', `No user has the referral code "${code}".`);
  if (referrer === referredUserId) throw new RewardsError('self_referral', 'A user cannot refer themselves.');
  const existing = yield* ask(ops.getReferral(projectId, referredUserId));
  if (existing) {
    if (existing.referrerUserId === referrer) return existing;
    throw new RewardsError('already_referred', `User ${referredUserId} was already referred by another user.`);
  }
  let cursor: string | null = referrer;
  for (let depth = 0; cursor; depth++) {
    const up: StoredReferral | null = yield* ask(ops.getReferral(projectId, cursor));
    if (up?.referrerUserId === referredUserId || depth > MAX_CHAIN) {
      throw new RewardsError('referral_loop', `User ${referredUserId} is already upstream of ${referrer}: referrals cannot form a loop.`);
    }
    cursor = up?.referrerUserId ?? null;
  }
  yield* ask(ops.insertReferral(projectId, referrer, referredUserId, at));
  return (yield* ask(ops.getReferral(projectId, referredUserId)))!;
}

/** First in, first out: debits consume the oldest points, so only unspent old points expire. */
export function* expireUserLogic(ops: LedgerOps, projectId: string, userId: string, cutoff: number, at: number): TxLogic<boolean> {
  const balance = yield* ask(ops.lockBalance(projectId, userId));
  const { oldEarned, debited } = yield* ask(ops.expirySums(projectId, userId, cutoff));
  const amount = Math.min(balance.balance, oldEarned - debited);
  if (amount <= 0) return false;
  const id = `expire:${userId}:${cutoff}`;
  if (yield* ask(ops.getEntry(projectId, id))) return false;
  yield* write(ops, { projectId, id, userId, amount: -amount, reason: 'Points expired', ruleId: null, at }, balance);
  return true;
}
