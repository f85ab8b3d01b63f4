import type { Customer, RevenueFactRow } from '../../domain/revenue/revenue-fact.js';

/** One customer's side of a period: recurring revenue at its start and end, and what happened in it. */
export interface CustomerPeriodRow {
  customer: Customer;
  /** ARR (minor units per year) of the customer's subscriptions at the period's start, and at its end. */
  startArr: bigint;
  endArr: bigint;
  /** Renewal and cancellation facts dated inside the period. */
  renewals: number;
  cancellations: number;
  /** One-off payments dated inside the period, minor units. */
  payments: bigint;
}

/** Which customers a KPI covers: all, or those of one kind whose ids are listed (members, a holdout). */
export interface CustomerIds {
  kind: Customer['kind'];
  ids: readonly string[];
}

/** `store.revenue`: the facts, each recorded once per host id, and the one query the revenue KPIs fold. */
export interface RevenueStore {
  /** `created`, or `duplicate` with the row stored first under that id (the caller compares them). */
  record(row: RevenueFactRow, at: number): Promise<{ status: 'created' } | { status: 'duplicate'; stored: RevenueFactRow }>;
  /**
   * Every customer with a subscription before `to` or a fact in [from, to): ARR at `from` and at
   * `to` (each subscription's latest fact before that instant), renewals, cancellations and
   * payments in [from, to). Ordered by customer kind, then id.
   */
  customerPeriods(projectId: string, from: number, to: number, customers?: CustomerIds): Promise<CustomerPeriodRow[]>;
  /**
   * `customerPeriods` of every period between consecutive `bounds` (ascending, at least two), all
   * customers, in one statement: the overview's series reads its periods at once.
   */
  customerPeriodSeries(projectId: string, bounds: readonly number[]): Promise<CustomerPeriodRow[][]>;
  /** One customer's facts, newest first (ties: the later recorded first), at most `limit`. */
  factsOf(projectId: string, customer: Customer, limit: number): Promise<RevenueFactRow[]>;
}
