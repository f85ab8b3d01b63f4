/** A redemption's life: pending until the host settles it as fulfilled or failed (refunded). */
export type RedemptionStatus = 'pending' | 'fulfilled' | 'failed';

/** One ledger entry to append. `id` is the idempotency key, unique per project. */
export interface NewEntry {
  projectId: string;
  id: string;
  userId: string;
  /** + earns, − redeems, expires or adjusts; never 0. */
  amount: number;
  reason: string;
  ruleId: string | null;
  at: number;
}

export interface StoredEntry {
  id: string;
  userId: string;
  amount: number;
  reason: string;
  ruleId: string | null;
  /** ISO 8601. */
  at: string;
}

export interface Balance {
  balance: number;
  /** Sum of positive entries: what tiers are measured on (spending never drops a tier). */
  lifetime: number;
}

export interface AppendResult extends Balance {
  /** `duplicate`: the key was used before with the same parameters; nothing new was written. */
  status: 'created' | 'duplicate';
  entry: StoredEntry;
}

/** Rolling-window caps, resolved by the domain to "at most `max` entries of this rule since `since`". */
export interface CapCheck {
  windows: { since: number; max: number }[];
}

export type EarnResult = AppendResult | ({ status: 'capped' } & Balance);

export interface NewRedemption {
  projectId: string;
  /** Idempotency key chosen by the caller (one per confirm click). */
  id: string;
  userId: string;
  item: { id: string; cost: number; stock?: number; perUserLimit?: number };
  at: number;
}

export interface StoredRedemption {
  id: string;
  userId: string;
  itemId: string;
  cost: number;
  status: RedemptionStatus;
  createdAt: string;
  settledAt: string | null;
  failureReason: string | null;
}

export interface RedeemResult extends Balance {
  status: 'created' | 'duplicate';
  redemption: StoredRedemption;
}

export interface StoredReferral {
  referrerUserId: string;
  referredUserId: string;
  createdAt: string;
  convertedAt: string | null;
}

/** How many live (not failed) redemptions each item has, overall and for one user. */
export interface ItemUsage {
  total: ReadonlyMap<string, number>;
  mine: ReadonlyMap<string, number>;
}

/** Everything a KPI needs for a period, read in bulk. */
export interface RewardsActivity {
  entries: StoredEntry[];
  redemptions: StoredRedemption[];
  referrals: StoredReferral[];
  /** Lifetime points of every member, for the tier distribution. */
  lifetimes: ReadonlyMap<string, number>;
}

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
  /** Pending redemption + debit in one transaction; refuses overspending, empty stock, per-user limits. */
  redeem(request: NewRedemption): Promise<RedeemResult>;
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
}
