import { describe, expect } from 'vitest';
import type { NewEvent } from '../../domain/events.js';
import { DAY_MS } from '../../domain/time.js';
import {
  accountChurn,
  accountCohorts,
  activeAccountsSeries,
  type AccountCohortCount,
  type ActiveAccountCount,
  type ChurnAccount,
} from '../../kpi/accounts.js';
import { PERIOD_MS, periodsOf, type Range } from '../../kpi/retention-periods.js';
import { newEvent } from '../../test-support/events.js';
import { mulberry32 } from '../../test-support/seeded-random.js';
import type { Store } from '../store.js';
import { storeTest, type OpenStore } from './harness.js';

const HOUR = 3_600_000;
/** A UTC midnight: one event lands exactly on it, and some ranges start or end there. */
const BASE = Date.parse('2026-03-02T00:00:00.000Z');
const ACCOUNTS: Record<string, string[]> = { acme: ['ada', 'max'], globex: ['ada', 'eve', 'bob'], initech: ['ivy'], hooli: ['max', 'zoe'] };

/**
 * The account KPIs' counts computed from the raw events (what the store computed per query before
 * the rollup): an account is active in a span when one of its attributed events falls in it.
 */
async function reference(store: Store, projectId: string, range: Range) {
  const events = (await store.listEvents(projectId)).flatMap((e) =>
    e.accountId ? [{ accountId: e.accountId, t: new Date(e.timestamp).getTime() }] : [],
  );
  const [from, to] = [range.from.getTime(), range.to.getTime()];
  const activeIn = (lo: number, hi: number, open = false) =>
    new Set(events.filter(({ t }) => (open ? t > lo : t >= lo) && t < hi).map((e) => e.accountId));
  const active: ActiveAccountCount[] = (['day', 'week', 'month'] as const).flatMap((period) =>
    periodsOf(range, PERIOD_MS[period]).flatMap((p, index) => {
      const accounts = activeIn(Date.parse(p.start), Date.parse(p.end)).size;
      return accounts ? [{ period, index, accounts }] : [];
    }),
  );
  const churn = (inactivityMs: number): ChurnAccount[] => {
    const end = activeIn(to - inactivityMs, to, true);
    return [...activeIn(from - inactivityMs, from, true)].sort().map((accountId) => ({ accountId, activeAtEnd: end.has(accountId) }));
  };
  const cohorts = async (periodMs: number): Promise<AccountCohortCount[]> => {
    const periods = periodsOf(range, periodMs).map((p) => activeIn(Date.parse(p.start), Date.parse(p.end)));
    const created = (await store.accounts.createdAt(projectId, to)).filter((a) => a.createdAt >= from);
    return periods.flatMap((_, cohort) => {
      const members = created.filter((a) => Math.floor((a.createdAt - from) / periodMs) === cohort).map((a) => a.accountId);
      return periods.slice(cohort).flatMap((activeThen, offset) => {
        const accounts = members.filter((a) => activeThen.has(a)).length;
        return accounts ? [{ cohort, offset, accounts }] : [];
      });
    });
  };
  return { active, churn, cohorts };
}

/** Events at any millisecond of [lo, hi): members' events with their account (or none), and anonymous ones claiming one. */
function randomEvents(next: () => number, projectId: string, count: number, [lo, hi]: [number, number]): NewEvent[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const at = lo + Math.floor(next() * (hi - lo));
    const accountId = pick(Object.keys(ACCOUNTS));
    const userId = pick(ACCOUNTS[accountId]!);
    const base = { projectId, timestamp: at, receivedAt: at };
    const kind = next();
    // Before identify: the user's second device, attributed to the user by a later identify.
    if (kind < 0.15) return newEvent({ ...base, userId: null, anonymousId: `anon-${userId}-1`, accountId });
    return newEvent({ ...base, userId, anonymousId: `anon-${userId}-0`, accountId: kind < 0.9 ? accountId : null });
  });
}

/** Ranges at arbitrary milliseconds, and ones starting or ending exactly at BASE + 10 days (a UTC midnight). */
function randomRanges(next: () => number): Range[] {
  const midnight = BASE + 10 * DAY_MS;
  const ranges: Range[] = [
    { from: new Date(midnight), to: new Date(midnight + 14 * DAY_MS) },
    { from: new Date(midnight - 9 * DAY_MS), to: new Date(midnight) },
    { from: new Date(midnight + 1), to: new Date(midnight + 30 * DAY_MS) },
    { from: new Date(BASE + 5 * DAY_MS + 7), to: new Date(midnight + 1) },
  ];
  for (const length of [5 * HOUR, DAY_MS, 3.5 * DAY_MS, 9 * DAY_MS, 30 * DAY_MS]) {
    const from = BASE + Math.floor(next() * 30 * DAY_MS);
    ranges.push({ from: new Date(from), to: new Date(from + length) });
  }
  return ranges;
}

const byPeriod = (rows: ActiveAccountCount[]) => [...rows].sort((a, b) => a.period.localeCompare(b.period) || a.index - b.index);
const byCell = (rows: AccountCohortCount[]) => [...rows].sort((a, b) => a.cohort - b.cohort || a.offset - b.offset);

/** Every account KPI count of the store equals the raw computation, for every range. */
async function expectExact(store: Store, projectId: string, ranges: readonly Range[], step: string): Promise<void> {
  await store.kpi.refreshRollups();
  for (const range of ranges) {
    const what = `${step}: ${range.from.toISOString()} → ${range.to.toISOString()}`;
    const ref = await reference(store, projectId, range);
    expect(byPeriod(await store.accounts.activeAccountCounts(projectId, range)), `active, ${what}`).toEqual(byPeriod(ref.active));
    for (const inactivityMs of [DAY_MS, 7 * DAY_MS])
      expect(await store.accounts.churnAccounts(projectId, range, inactivityMs), `churn ${inactivityMs}, ${what}`).toEqual(
        ref.churn(inactivityMs),
      );
    for (const periodMs of [PERIOD_MS.week, PERIOD_MS.month])
      expect(byCell(await store.accounts.accountCohortCounts(projectId, range, periodMs)), `cohorts ${periodMs}, ${what}`).toEqual(
        byCell(await ref.cohorts(periodMs)),
      );
  }
}

async function addMembers(store: Store, projectId: string, createdAt: (account: string) => number) {
  for (const [accountId, members] of Object.entries(ACCOUNTS))
    for (const userId of members)
      await store.accounts.addMember(projectId, accountId, userId, { joinedAt: createdAt(accountId), activeAt: BASE });
}

const identify = (projectId: string, userId: string, at: number) =>
  newEvent({ projectId, type: 'identify', name: null, userId, anonymousId: `anon-${userId}-1`, timestamp: at, receivedAt: at });

/**
 * The account KPIs read the account activity rollup (migration 024), folded with the activity
 * rollup's queue; these tests change the data between reads in every way it must survive.
 */
export function accountRollupConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('account KPIs over the account activity rollup', () => {
    withStore(
      'equal the raw computation after new and late events, a day-boundary event, identity merges and erasure',
      async (store, projectId) => {
        const next = mulberry32(20261207);
        const ranges = randomRanges(next);
        // Accounts created over the first weeks: members of one account fall into several cohorts.
        const created = new Map(Object.keys(ACCOUNTS).map((account, i) => [account, BASE + i * 6 * DAY_MS + 17]));
        await addMembers(store, projectId, (account) => created.get(account)!);
        const midnight = BASE + 10 * DAY_MS;
        await store.writeEvents([
          ...randomEvents(next, projectId, 150, [BASE, BASE + 25 * DAY_MS]),
          newEvent({
            projectId,
            userId: 'ivy',
            anonymousId: 'anon-ivy-0',
            accountId: 'initech',
            timestamp: midnight,
            receivedAt: midnight,
          }),
        ]);
        await expectExact(store, projectId, ranges, 'first load');

        await store.writeEvents(randomEvents(next, projectId, 80, [BASE - 5 * DAY_MS, BASE + 40 * DAY_MS]));
        await expectExact(store, projectId, ranges, 'late events');

        // Second devices identify: their events (with an account) are updated, so queued again.
        await store.writeEvents(['ada', 'max', 'eve'].map((user) => identify(projectId, user, BASE + 20 * DAY_MS)));
        await expectExact(store, projectId, ranges, 'identity merges');

        await store.users.erase(projectId, 'ivy');
        await store.users.erase(projectId, 'max');
        await expectExact(store, projectId, ranges, 'erasure');

        await store.writeEvents(randomEvents(next, projectId, 60, [BASE, BASE + 40 * DAY_MS]));
        await expectExact(store, projectId, ranges, 'comeback');
      },
      // Five steps of ~60 reads each: seconds on a quiet machine, far more on a busy one.
      120_000,
    );

    withStore('keep the days of expired events, like the activity rollup', async (store, projectId) => {
      await addMembers(store, projectId, () => BASE);
      await store.writeEvents(randomEvents(mulberry32(5), projectId, 60, [BASE, BASE + 20 * DAY_MS]));
      // From a UTC midnight: a partial first day would be read from the events, which expire (docs/kpis.md).
      const range = { from: new Date(BASE), to: new Date(BASE + 20 * DAY_MS + 7 * HOUR) };
      const read = async () => {
        await store.kpi.refreshRollups();
        return {
          active: byPeriod(await store.accounts.activeAccountCounts(projectId, range)),
          churn: await store.accounts.churnAccounts(projectId, range, 7 * DAY_MS),
          cohorts: byCell(await store.accounts.accountCohortCounts(projectId, range, PERIOD_MS.week)),
        };
      };
      const before = await read();
      expect(before.active.length).toBeGreaterThan(0);
      while ((await store.expiry.expireEvents(projectId, new Date(BASE + 10 * DAY_MS), 7)) === 7);
      expect(await read()).toEqual(before);
    });

    withStore('answer an empty period with zeros and null rates, never 0 %', async (store, projectId) => {
      await addMembers(store, projectId, () => BASE - 40 * DAY_MS);
      const range = { from: new Date(BASE), to: new Date(BASE + 14 * DAY_MS) };
      const churn = accountChurn(await store.accounts.churnAccounts(projectId, range, 7 * DAY_MS), null);
      expect(churn).toMatchObject({ customersAtStart: 0, inactive: { churnRate: null, retentionRate: null }, subscriptionEnded: null });
      const active = activeAccountsSeries(await store.accounts.activeAccountCounts(projectId, range), range);
      expect(active.weekly.map((p) => p.activeAccounts)).toEqual([0, 0]);
      const created = await store.accounts.createdAt(projectId, range.to.getTime());
      const cohorts = accountCohorts(created, await store.accounts.accountCohortCounts(projectId, range, PERIOD_MS.week), range, 'week');
      expect(cohorts.map((c) => c.retention)).toEqual([[null, null], [null]]);
    });
  });
}
