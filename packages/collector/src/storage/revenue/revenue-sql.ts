import type { RevenueFactRow } from '../../domain/revenue/revenue-fact.js';
import type { Dialect, SqlReader, SqlRunner } from '../sql/runner.js';
import type { CustomerIds, CustomerPeriodRow, RevenueStore } from './revenue-store.js';

type Time = number | Date;
type Int = number | string;

interface FactRow {
  fact_id: string;
  type: RevenueFactRow['type'];
  customer_kind: 'account' | 'user';
  customer_id: string;
  account_id: string | null;
  user_id: string | null;
  subscription_id: string | null;
  amount: Int;
  currency: string | null;
  billing: 'month' | 'year' | null;
  interval_count: number | null;
  arr: Int | null;
  occurred_at: Time;
}

const toRow = (projectId: string, r: FactRow): RevenueFactRow => ({
  projectId,
  factId: r.fact_id,
  type: r.type,
  customer: { kind: r.customer_kind, id: r.customer_id },
  accountId: r.account_id,
  userId: r.user_id,
  subscriptionId: r.subscription_id,
  amount: Number(r.amount),
  currency: r.currency,
  billing: r.billing,
  intervalCount: r.interval_count,
  arr: r.arr === null ? null : Number(r.arr),
  occurredAt: new Date(r.occurred_at).getTime(),
});

/** The customer filter's `$4`: a JSON array on SQLite, a text array on PostgreSQL. */
const IN_CUSTOMERS: Record<Dialect, string> = {
  sqlite: 'customer_kind = $5 AND customer_id IN (SELECT value FROM json_each($4))',
  postgres: 'customer_kind = $5 AND customer_id = ANY($4::text[])',
};

/**
 * Each subscription's ARR in force at `before` (its latest fact before then, `rank` = 1), with its
 * customer; `filter` narrows the facts (`AND …`). The window ranks a subscription's facts newest
 * first (ties by arrival), so a change and its cancellation at one instant leave the later one in
 * force. Also the program groups' revenue statement's (storage/kpi/program-groups-sql.ts).
 */
export const subscriptionArrSql = (project: string, before: string, filter = '') => `
    SELECT customer_kind, customer_id, arr,
           ROW_NUMBER() OVER (PARTITION BY subscription_id ORDER BY occurred_at DESC, seq DESC) AS rank
    FROM revenue_facts
    WHERE project_id = ${project} AND subscription_id IS NOT NULL AND occurred_at < ${before} ${filter}`;

/**
 * The renewals, cancellations and payments dated in [from, to) as the periods' rows list them, read
 * from `source` (revenue_facts, or it joined to the periods) after `lead` columns.
 */
const periodFactsSql = (lead: string, source: string, from: string, to: string, filter = '') => `
      SELECT ${lead} customer_kind, customer_id, 0, 0,
             CASE WHEN type = 'subscription_renewed' THEN 1 ELSE 0 END,
             CASE WHEN type = 'subscription_cancelled' THEN 1 ELSE 0 END,
             CASE WHEN type = 'payment' THEN amount ELSE 0 END
      FROM ${source}
      WHERE project_id = $1 AND occurred_at >= ${from} AND occurred_at < ${to}
        AND type IN ('subscription_renewed', 'subscription_cancelled', 'payment') ${filter}`;

/**
 * Per customer: the ARR of each subscription in force at `from` ($2) and at `to` ($3), summed,
 * beside the period's renewals, cancellations and payments.
 */
const periodsSql = (d: Dialect, filtered: boolean) => {
  const customers = filtered ? `AND ${IN_CUSTOMERS[d]}` : '';
  const latest = (before: string) => subscriptionArrSql('$1', before, customers);
  return `
    SELECT customer_kind, customer_id,
           SUM(start_arr) AS start_arr, SUM(end_arr) AS end_arr,
           SUM(renewals) AS renewals, SUM(cancellations) AS cancellations, SUM(payments) AS payments
    FROM (
      SELECT customer_kind, customer_id, arr AS start_arr, 0 AS end_arr, 0 AS renewals, 0 AS cancellations, 0 AS payments
      FROM (${latest('$2')}) s WHERE rank = 1
      UNION ALL
      SELECT customer_kind, customer_id, 0, arr, 0, 0, 0
      FROM (${latest('$3')}) e WHERE rank = 1
      UNION ALL
      ${periodFactsSql('', 'revenue_facts', '$2', '$3', customers)}
    ) facts
    GROUP BY customer_kind, customer_id`;
};

/** The ascending period bounds `$2` as rows (i, at), i from 0: a JSON array on SQLite, a timestamp array on PostgreSQL. */
const BOUNDS: Record<Dialect, string> = {
  sqlite: 'SELECT CAST(key AS INTEGER) AS i, value AS at FROM json_each($2)',
  postgres: 'SELECT CAST(n AS integer) - 1 AS i, at FROM unnest($2::timestamptz[]) WITH ORDINALITY AS b(at, n)',
};

/**
 * `periodsSql` for each period between consecutive bounds (`period` = its index), in one pass over
 * the facts: a subscription's fact is in force at bound b when it is before b and its next fact (by
 * time, then arrival) is not, the same fact the ranking picks. A bound ends one period and starts
 * the next, so each is looked up once where per-period statements would rank every fact twice.
 */
const seriesSql = (d: Dialect) => `
    WITH bounds(i, at) AS (${BOUNDS[d]}),
    periods(i, lo, hi) AS (SELECT a.i, a.at, b.at FROM bounds a JOIN bounds b ON b.i = a.i + 1),
    facts AS MATERIALIZED (
      SELECT customer_kind, customer_id, arr, occurred_at,
             LEAD(occurred_at) OVER (PARTITION BY subscription_id ORDER BY occurred_at, seq) AS next_at
      FROM revenue_facts
      WHERE project_id = $1 AND subscription_id IS NOT NULL AND occurred_at < (SELECT MAX(at) FROM bounds)),
    in_force(i, customer_kind, customer_id, arr) AS (
      SELECT b.i, f.customer_kind, f.customer_id, f.arr FROM bounds b JOIN facts f
      ON f.occurred_at < b.at AND (f.next_at IS NULL OR f.next_at >= b.at))
    SELECT period, customer_kind, customer_id,
           SUM(start_arr) AS start_arr, SUM(end_arr) AS end_arr,
           SUM(renewals) AS renewals, SUM(cancellations) AS cancellations, SUM(payments) AS payments
    FROM (
      SELECT i AS period, customer_kind, customer_id, arr AS start_arr, 0 AS end_arr, 0 AS renewals, 0 AS cancellations, 0 AS payments
      FROM in_force WHERE i < (SELECT MAX(i) FROM bounds)
      UNION ALL
      SELECT i - 1, customer_kind, customer_id, 0, arr, 0, 0, 0 FROM in_force WHERE i > 0
      UNION ALL
      ${periodFactsSql('p.i,', 'periods p CROSS JOIN revenue_facts', 'p.lo', 'p.hi')}
    ) facts
    GROUP BY period, customer_kind, customer_id`;

const FACT_COLUMNS =
  'fact_id, type, customer_kind, customer_id, account_id, user_id, subscription_id, amount, currency, billing, interval_count, arr, occurred_at';

interface PeriodRow {
  customer_kind: 'account' | 'user';
  customer_id: string;
  start_arr: Int;
  end_arr: Int;
  renewals: Int;
  cancellations: Int;
  payments: Int;
}

/** A period's rows, ordered by customer here: the two databases collate text differently. */
function toCustomerPeriods(rows: PeriodRow[]): CustomerPeriodRow[] {
  const key = (r: PeriodRow) => `${r.customer_kind}\u0000${r.customer_id}`;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return rows.map((r) => ({
    customer: { kind: r.customer_kind, id: r.customer_id },
    startArr: BigInt(r.start_arr),
    endArr: BigInt(r.end_arr),
    renewals: Number(r.renewals),
    cancellations: Number(r.cancellations),
    payments: BigInt(r.payments),
  }));
}

/** `store.revenue` over either dialect; the KPI reads go through `kpiRead` (SQLite: the reader process). */
export function sqlRevenueStore(sql: SqlRunner, kpiRead: SqlReader = sql): RevenueStore {
  const d = sql.dialect;
  const statements = { all: periodsSql(d, false), some: periodsSql(d, true), series: seriesSql(d) };
  return {
    async record(row, at) {
      const inserted = await sql.run(
        `INSERT INTO revenue_facts (project_id, ${FACT_COLUMNS}, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (project_id, fact_id) DO NOTHING`,
        [
          row.projectId,
          row.factId,
          row.type,
          row.customer.kind,
          row.customer.id,
          row.accountId,
          row.userId,
          row.subscriptionId,
          row.amount,
          row.currency,
          row.billing,
          row.intervalCount,
          row.arr,
          sql.time(row.occurredAt),
          sql.time(at),
        ],
      );
      if (inserted > 0) return { status: 'created' };
      const [stored] = await sql.all<FactRow>(`SELECT ${FACT_COLUMNS} FROM revenue_facts WHERE project_id = $1 AND fact_id = $2`, [
        row.projectId,
        row.factId,
      ]);
      if (!stored) throw new Error(`revenue fact ${row.factId} neither inserted nor found`);
      return { status: 'duplicate', stored: toRow(row.projectId, stored) };
    },

    async factsOf(projectId, customer, limit) {
      const rows = await sql.all<FactRow>(
        `SELECT ${FACT_COLUMNS} FROM revenue_facts WHERE project_id = $1 AND customer_kind = $2 AND customer_id = $3
         ORDER BY occurred_at DESC, seq DESC LIMIT $4`,
        [projectId, customer.kind, customer.id, limit],
      );
      return rows.map((row) => toRow(projectId, row));
    },

    async customerPeriods(projectId, from, to, customers?: CustomerIds) {
      const params: unknown[] = [projectId, kpiRead.time(from), kpiRead.time(to)];
      if (customers) params.push(d === 'sqlite' ? JSON.stringify(customers.ids) : customers.ids, customers.kind);
      return toCustomerPeriods(await kpiRead.all<PeriodRow>(customers ? statements.some : statements.all, params));
    },

    async customerPeriodSeries(projectId, bounds) {
      const rows = await kpiRead.all<PeriodRow & { period: Int }>(statements.series, [
        projectId,
        d === 'sqlite' ? JSON.stringify(bounds) : bounds.map((b) => kpiRead.time(b)),
      ]);
      return bounds.slice(1).map((_, i) => toCustomerPeriods(rows.filter((r) => Number(r.period) === i)));
    },
  };
}
