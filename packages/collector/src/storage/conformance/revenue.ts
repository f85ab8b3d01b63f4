import { describe, expect } from 'vitest';
import { revenueFactRow } from '../../domain/revenue/revenue-fact.js';
import { revenueKpis, type RevenueSettings } from '../../kpi/revenue.js';
import {
  at,
  fact,
  type FactSpec,
  PERIOD,
  PERIOD_START,
  PORTFOLIO,
  PORTFOLIO_KPIS,
  PORTFOLIO_SETTINGS,
} from '../../test-support/revenue.js';
import type { Store } from '../store.js';
import type { CustomerIds } from '../revenue/revenue-store.js';
import { storeTest, type OpenStore } from './harness.js';

const DAY = 86_400_000;
const NO_CAC: RevenueSettings = { grossMarginPercent: 100, cac: [] };
/** Account y from −3 d, raised and cancelled at one instant (+40 d): the later fact stays in force. */
const TIED_CANCELLATION: readonly FactSpec[] = [
  {
    type: 'subscription_started',
    accountId: 'y',
    subscriptionId: 'y',
    amount: 1000,
    currency: 'EUR',
    interval: 'month',
    occurredAt: at(-3),
  },
  {
    type: 'subscription_changed',
    accountId: 'y',
    subscriptionId: 'y',
    amount: 5000,
    currency: 'EUR',
    interval: 'month',
    occurredAt: at(40),
  },
  { type: 'subscription_cancelled', accountId: 'y', subscriptionId: 'y', occurredAt: at(40) },
];

/**
 * Revenue facts and the revenue KPIs over them, with figures computed by hand: each store must
 * give exactly these (the fold is shared; the SQL picking each subscription's state is per store).
 */
export function revenueConformance(open: OpenStore): void {
  const withStore = storeTest(open);
  const record = async (store: Store, projectId: string, facts: readonly FactSpec[], currency = 'EUR') => {
    for (const input of facts) await store.revenue.record(revenueFactRow(projectId, fact(input), currency), PERIOD_START);
  };
  const kpis = async (
    store: Store,
    projectId: string,
    settings: RevenueSettings,
    period: { from: number; to: number } = PERIOD,
    customers?: CustomerIds,
  ) => revenueKpis(await store.revenue.customerPeriods(projectId, period.from, period.to, customers), settings, period);

  describe('revenue', () => {
    withStore('records a fact once per host id and hands back the first one for a repeat', async (store, p) => {
      const row = revenueFactRow(
        p,
        fact({ id: 'inv-1', type: 'payment', userId: 'u1', amount: 1999, currency: 'EUR', occurredAt: at(1) }),
        'EUR',
      );
      expect(await store.revenue.record(row, PERIOD_START)).toEqual({ status: 'created' });
      const again = await store.revenue.record({ ...row, amount: 2000 }, PERIOD_START + 1);
      expect(again).toEqual({ status: 'duplicate', stored: row });
    });

    withStore('the hand-computed portfolio: MRR movements, retention, churn, CLV, CLV:CAC, renewals', async (store, p) => {
      await record(store, p, PORTFOLIO);
      expect(await kpis(store, p, PORTFOLIO_SETTINGS)).toEqual(PORTFOLIO_KPIS);
    });

    withStore('a customer filter keeps the listed customers of one kind, in SQL', async (store, p) => {
      await record(store, p, PORTFOLIO);
      // a1 stays at €100, a2 (€100/month, yearly) churns: MRR 200 → 100, churn 50 %, CLV 100 × 0.8 ÷ 0.5.
      const two = await kpis(store, p, PORTFOLIO_SETTINGS, PERIOD, { kind: 'account', ids: ['a1', 'a2', 'u1'] });
      expect(two).toMatchObject({ mrrAtStart: 20_000, mrr: 10_000, churnedMrr: 10_000, customerChurnRate: 50, arpa: 10_000, clv: 16_000 });
      expect(two).toMatchObject({ grossRevenueRetention: 50, netRevenueRetention: 50, renewals: 0, cancellations: 1, oneOffRevenue: 0 });
      const user = await kpis(store, p, PORTFOLIO_SETTINGS, PERIOD, { kind: 'user', ids: ['u1'] });
      expect(user).toMatchObject({ mrrAtStart: 3_000, mrr: 4_000, expansionMrr: 1_000, netRevenueRetention: 133.33, clvNote: 'no_churn' });
      expect(await kpis(store, p, PORTFOLIO_SETTINGS, PERIOD, { kind: 'account', ids: [] })).toMatchObject({ mrr: null, arpa: null });
    });

    withStore('an empty period is unknown (null), not 0, and facts after it do not count', async (store, p) => {
      await record(store, p, [
        {
          type: 'subscription_started',
          accountId: 'late',
          subscriptionId: 's',
          amount: 1000,
          currency: 'EUR',
          interval: 'month',
          occurredAt: at(40),
        },
      ]);
      expect(await kpis(store, p, NO_CAC)).toEqual({
        mrr: null,
        mrrAtStart: null,
        arpa: null,
        payingCustomers: 0,
        payingCustomersAtStart: 0,
        newMrr: null,
        expansionMrr: null,
        contractionMrr: null,
        churnedMrr: null,
        churnedCustomers: 0,
        grossRevenueRetention: null,
        netRevenueRetention: null,
        customerChurnRate: null,
        revenueChurnRate: null,
        monthlyChurnRate: null,
        clv: null,
        clvNote: 'no_paying_customers',
        cac: null,
        clvToCac: null,
        renewals: 0,
        cancellations: 0,
        renewalRate: null,
        oneOffRevenue: null,
      });
    });

    withStore('a single customer changing mid-period: the end state counts, expansion is the difference', async (store, p) => {
      await record(store, p, [
        {
          type: 'subscription_started',
          accountId: 'solo',
          subscriptionId: 's',
          amount: 1999,
          currency: 'EUR',
          interval: 'month',
          occurredAt: at(-10),
        },
        {
          type: 'subscription_changed',
          accountId: 'solo',
          subscriptionId: 's',
          amount: 2999,
          currency: 'EUR',
          interval: 'month',
          occurredAt: at(10),
        },
      ]);
      // NRR 2999 ÷ 1999 = 150.0250…%; nobody churned, so the lifetime (and CLV) is unbounded: null.
      expect(await kpis(store, p, NO_CAC)).toMatchObject({
        mrrAtStart: 1999,
        mrr: 2999,
        expansionMrr: 1000,
        arpa: 2999,
        grossRevenueRetention: 100,
        netRevenueRetention: 150.03,
        customerChurnRate: 0,
        clv: null,
        clvNote: 'no_churn',
      });
    });

    withStore('a yearly 1999 is 166.583… a month: summed exactly, rounded once', async (store, p) => {
      const yearly = (id: string) => ({
        type: 'subscription_started' as const,
        accountId: id,
        subscriptionId: id,
        amount: 1999,
        currency: 'EUR',
        interval: 'year' as const,
        occurredAt: at(-1),
      });
      await record(store, p, [yearly('y1')]);
      expect(await kpis(store, p, NO_CAC)).toMatchObject({ mrr: 167, arpa: 167 });
      // Three of them: 5997 ÷ 12 = 499.75 → 500 (rounding each first would give 3 × 167 = 501).
      await record(store, p, [yearly('y2'), yearly('y3')]);
      expect(await kpis(store, p, NO_CAC)).toMatchObject({ mrr: 500, arpa: 167, payingCustomers: 3 });
    });

    withStore('yen have no minor unit; churn near zero caps the lifetime at 60 months', async (store, p) => {
      const customers = Array.from({ length: 100 }, (_, i) => `c${i}`);
      await record(
        store,
        p,
        [
          ...customers.map((id) => ({
            type: 'subscription_started' as const,
            accountId: id,
            subscriptionId: id,
            amount: 1999,
            currency: 'JPY',
            interval: 'month' as const,
            occurredAt: at(-5),
          })),
          { type: 'subscription_cancelled', accountId: 'c0', subscriptionId: 'c0', occurredAt: at(12) },
        ],
        'JPY',
      );
      // Monthly churn 1 %: lifetime 100 months, capped at 60 → CLV ¥1999 × 60 = ¥119,940.
      expect(await kpis(store, p, NO_CAC)).toMatchObject({
        mrrAtStart: 199_900,
        mrr: 197_901,
        arpa: 1999,
        customerChurnRate: 1,
        monthlyChurnRate: 1,
        clv: 119_940,
        clvNote: 'lifetime_capped',
      });
    });

    withStore('the series statement gives each period the rows of its own statement, ties and facts on a bound too', async (store, p) => {
      await record(store, p, [
        ...PORTFOLIO,
        ...TIED_CANCELLATION,
        { type: 'payment', userId: 'u9', amount: 700, currency: 'EUR', occurredAt: at(10) },
      ]);
      const bounds = [-20, -10, 0, 10, 20, 30, 40, 50].map((days) => PERIOD_START + days * DAY);
      const series = await store.revenue.customerPeriodSeries(p, bounds);
      const each = await Promise.all(bounds.slice(1).map((to, i) => store.revenue.customerPeriods(p, bounds[i]!, to)));
      expect(series).toEqual(each);
      expect(series.filter((rows) => rows.length > 0).length).toBeGreaterThan(4);
    });

    withStore('monthly churn scales a longer period to 30 days; ties at one instant keep the later fact', async (store, p) => {
      await record(store, p, [
        {
          type: 'subscription_started',
          accountId: 'x',
          subscriptionId: 'x',
          amount: 1000,
          currency: 'EUR',
          interval: 'month',
          occurredAt: at(-3),
        },
        ...TIED_CANCELLATION,
      ]);
      // 60 days: churn 1 of 2 = 50 %, monthly 25 %, lifetime 4 months; CLV 1000 × 75 % × 4.
      const sixty = { from: PERIOD.from, to: PERIOD.from + 60 * DAY };
      expect(await kpis(store, p, { grossMarginPercent: 75, cac: [] }, sixty)).toMatchObject({
        churnedMrr: 1000,
        customerChurnRate: 50,
        monthlyChurnRate: 25,
        clv: 3000,
        clvNote: null,
        cac: null,
        clvToCac: null,
      });
    });
  });
}
