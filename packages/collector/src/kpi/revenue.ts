import type { CacEntry } from '@hearth/schema';
import { DAY_MS } from '../domain/time.js';
import { dividedBy, fraction, percentOf, rounded, times, type Fraction } from './exact.js';

/**
 * Revenue KPIs of a period [from, to) (docs/reference/kpi-definitions.md, "Revenue and customer lifetime value (CLV)"), folded from
 * each customer's recurring revenue at the period's start and end. A customer is *paying* at an
 * instant when its subscriptions' ARR then is above 0. Money is in minor units of the project's
 * currency, rounded half away from zero to a whole unit; rates are percentages with two decimals;
 * each is computed exactly (bigint fractions) and rounded once. Figures whose denominator is empty
 * are null, never 0.
 */

/** A month, for MRR and for scaling churn to a monthly rate: 30 days, like every period in Hearth. */
export const MONTH_MS = 30 * DAY_MS;
/**
 * The longest lifetime CLV assumes, in months. Lifetime is 1 ÷ monthly churn, which grows without
 * bound as churn nears 0 (one churned customer among thousands would promise decades of revenue);
 * past five years the figure says more about the sample than about customers, so it is capped and
 * flagged.
 */
export const MAX_LIFETIME_MONTHS = 60n;

export interface CustomerPeriod {
  /** ARR (minor units per year) at the period's start and at its end. */
  startArr: bigint;
  endArr: bigint;
  renewals: number;
  cancellations: number;
  payments: bigint;
}

export interface RevenueSettings {
  grossMarginPercent: number;
  cac: readonly CacEntry[];
}

/** Why CLV (and so CLV : CAC) is null, or `lifetime_capped` when it holds the capped figure. */
export type ClvNote = 'no_paying_customers' | 'no_customers_at_start' | 'no_churn' | 'lifetime_capped' | null;

export interface RevenueKpis {
  mrr: number | null;
  mrrAtStart: number | null;
  arpa: number | null;
  payingCustomers: number;
  payingCustomersAtStart: number;
  newMrr: number | null;
  expansionMrr: number | null;
  contractionMrr: number | null;
  churnedMrr: number | null;
  churnedCustomers: number;
  grossRevenueRetention: number | null;
  netRevenueRetention: number | null;
  customerChurnRate: number | null;
  revenueChurnRate: number | null;
  /** Customer churn scaled to 30 days: customerChurnRate × 30 days ÷ the period's length. */
  monthlyChurnRate: number | null;
  clv: number | null;
  clvNote: ClvNote;
  cac: number | null;
  clvToCac: number | null;
  renewals: number;
  cancellations: number;
  renewalRate: number | null;
  oneOffRevenue: number | null;
}

const sum = (values: Iterable<bigint>) => {
  let total = 0n;
  for (const value of values) total += value;
  return total;
};
/** Minor units per month from ARR, rounded once. */
const monthly = (arr: bigint) => rounded({ n: arr, d: 12n });

/** The CAC in force at `from`: the latest entry starting on or before it; null when none does. */
export function cacAt(entries: readonly CacEntry[], from: number): number | null {
  let found: CacEntry | null = null;
  for (const entry of entries) if (Date.parse(entry.from) <= from && (!found || entry.from > found.from)) found = entry;
  return found?.amount ?? null;
}

export function revenueKpis(
  customers: readonly CustomerPeriod[],
  settings: RevenueSettings,
  period: { from: number; to: number },
): RevenueKpis {
  const atStart = customers.filter((c) => c.startArr > 0n);
  const atEnd = customers.filter((c) => c.endArr > 0n);
  const startArr = sum(atStart.map((c) => c.startArr));
  const endArr = sum(atEnd.map((c) => c.endArr));
  const fresh = customers.filter((c) => c.startArr === 0n && c.endArr > 0n);
  const grown = atStart.filter((c) => c.endArr > c.startArr);
  const shrunk = atStart.filter((c) => c.endArr > 0n && c.endArr < c.startArr);
  const lost = atStart.filter((c) => c.endArr === 0n);
  const expansion = sum(grown.map((c) => c.endArr - c.startArr));
  const contraction = sum(shrunk.map((c) => c.startArr - c.endArr));
  const churned = sum(lost.map((c) => c.startArr));
  // Nothing recorded at all: the money figures are unknown, not 0.
  const known = <T>(value: T) => (customers.length === 0 ? null : value);

  const { arpa, monthlyChurn, clv } = lifetimeValueOf(
    { endArr, payingAtEnd: atEnd.length, payingAtStart: atStart.length, lost: lost.length },
    settings.grossMarginPercent,
    period,
  );
  const cac = cacAt(settings.cac, period.from);
  const renewals = customers.reduce((n, c) => n + c.renewals, 0);
  const cancellations = customers.reduce((n, c) => n + c.cancellations, 0);

  return {
    mrr: known(monthly(endArr)),
    mrrAtStart: known(monthly(startArr)),
    arpa: rounded(arpa),
    payingCustomers: atEnd.length,
    payingCustomersAtStart: atStart.length,
    newMrr: known(monthly(sum(fresh.map((c) => c.endArr)))),
    expansionMrr: known(monthly(expansion)),
    contractionMrr: known(monthly(contraction)),
    churnedMrr: known(monthly(churned)),
    churnedCustomers: lost.length,
    grossRevenueRetention: percentOf(startArr - contraction - churned, startArr),
    netRevenueRetention: percentOf(startArr + expansion - contraction - churned, startArr),
    customerChurnRate: percentOf(BigInt(lost.length), BigInt(atStart.length)),
    revenueChurnRate: percentOf(contraction + churned, startArr),
    monthlyChurnRate: rounded(monthlyChurn && times(monthlyChurn, { n: 100n, d: 1n }), 2),
    clv: rounded(clv.value),
    clvNote: clv.note,
    cac,
    clvToCac: cac === null || cac === 0 || clv.value === null ? null : rounded(dividedBy(clv.value, { n: BigInt(cac), d: 1n }), 2),
    renewals,
    cancellations,
    renewalRate: percentOf(BigInt(renewals), BigInt(renewals + cancellations)),
    oneOffRevenue: known(Number(sum(customers.map((c) => c.payments)))),
  };
}

/**
 * ARPA, monthly churn and CLV from a set of customers' sums: their ARR at `to` and how many pay
 * then, how many paid at `from` and how many of those pay nothing at `to` (`lost`). Also each
 * program group's (kpi/group-revenue.ts), whose sums come from SQL.
 */
export function lifetimeValueOf(
  sums: { endArr: bigint; payingAtEnd: number; payingAtStart: number; lost: number },
  grossMarginPercent: number,
  period: { from: number; to: number },
): { arpa: Fraction | null; monthlyChurn: Fraction | null; clv: { value: Fraction | null; note: ClvNote } } {
  const arpa = fraction(sums.endArr, 12n * BigInt(sums.payingAtEnd));
  const margin = { n: BigInt(Math.round(grossMarginPercent * 100)), d: 10_000n };
  const periodMs = BigInt(period.to - period.from);
  // Monthly churn = lost ÷ paying at start × month ÷ period; lifetime is its inverse.
  const monthlyChurn = fraction(BigInt(sums.lost) * BigInt(MONTH_MS), BigInt(sums.payingAtStart) * periodMs);
  return { arpa, monthlyChurn, clv: customerLifetimeValue(arpa, margin, monthlyChurn, sums.payingAtStart) };
}

/** CLV = ARPA × gross margin ÷ monthly churn, i.e. × lifetime in months (capped at `MAX_LIFETIME_MONTHS`). */
function customerLifetimeValue(
  arpa: Fraction | null,
  margin: Fraction,
  monthlyChurn: Fraction | null,
  payingAtStart: number,
): { value: Fraction | null; note: ClvNote } {
  if (arpa === null) return { value: null, note: 'no_paying_customers' };
  if (payingAtStart === 0 || monthlyChurn === null) return { value: null, note: 'no_customers_at_start' };
  if (monthlyChurn.n === 0n) return { value: null, note: 'no_churn' };
  const lifetime = { n: monthlyChurn.d, d: monthlyChurn.n };
  const capped = lifetime.n > MAX_LIFETIME_MONTHS * lifetime.d;
  return {
    value: times(times(arpa, margin), capped ? { n: MAX_LIFETIME_MONTHS, d: 1n } : lifetime),
    note: capped ? 'lifetime_capped' : null,
  };
}
