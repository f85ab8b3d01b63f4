/* The rewards ledger's records: what the domain reads and decides on, and the store keeps. */

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
  /** Unspent points of every member now (Σ balances), for the points liability. */
  outstanding: number;
}
