import { performance } from 'node:perf_hooks';
import { describe, expect, vi } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { newEvent } from '../../test-support/events.js';
import { mulberry32 } from '../../test-support/seeded-random.js';
import type { ActivityQuery, RetentionKpiStore } from '../kpi/retention-store.js';
import type { Store } from '../store.js';
import type { NewEvent } from '../../domain/events.js';
import { storeTest, type OpenStore } from './harness.js';
import { referenceKpis } from './kpi-reference.js';

const HOUR = 3_600_000;
const BASE = Date.parse('2026-03-02T00:00:00.000Z');

/** A small seeded generator (mulberry32), so a failure replays the same data. */
function createRandom(seed: number) {
  const next = mulberry32(seed);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}
type Random = ReturnType<typeof createRandom>;

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const NAMES = ['Project Created', 'Report Exported', 'Board Viewed', null];

/** Random track/page events over 40 days at any millisecond: identified, pre-identify anonymous, and visitors. */
function randomEvents(random: Random, projectId: string, count: number, within: [number, number]): NewEvent[] {
  return Array.from({ length: count }, () => {
    const at = within[0] + random.int(within[1] - within[0]);
    const who = random.int(10);
    const user = USERS[who % USERS.length]!;
    const name = random.pick(NAMES);
    const base = {
      projectId,
      timestamp: at,
      receivedAt: at,
      name,
      type: name === null ? ('page' as const) : ('track' as const),
      properties: {},
    };
    if (who < 6) return newEvent({ ...base, userId: user, anonymousId: `anon-${user}-0` });
    // Before identify: the user's second device, linked later (an identity merge).
    if (who < 8) return newEvent({ ...base, userId: null, anonymousId: `anon-${user}-1` });
    return newEvent({ ...base, userId: null, anonymousId: `visitor-${random.int(4)}` });
  });
}

const identify = (projectId: string, user: string, device: number, at: number, plan: string) =>
  newEvent({
    projectId,
    type: 'identify',
    name: null,
    userId: user,
    anonymousId: `anon-${user}-${device}`,
    traits: { plan },
    timestamp: at,
    receivedAt: at,
    properties: {},
  });

/** Ranges at arbitrary milliseconds: shorter than a day, one UTC day exactly, days, weeks. */
function randomQueries(random: Random): ActivityQuery[] {
  const lengths = [5 * HOUR, DAY_MS, 3.5 * DAY_MS, 9 * DAY_MS, 30 * DAY_MS];
  const queries: ActivityQuery[] = [{ from: new Date(BASE + 7 * DAY_MS), to: new Date(BASE + 37 * DAY_MS) }];
  for (const length of lengths) {
    for (let i = 0; i < 2; i++) {
      const from = BASE + random.int(30 * DAY_MS);
      queries.push({
        from: new Date(from),
        to: new Date(from + length),
        ...(i === 1 ? { segment: { kind: 'trait' as const, trait: 'plan', values: ['pro'] } } : {}),
      });
    }
  }
  return queries;
}

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/**
 * Every retention KPI of the store equals the in-memory reference, for every query, once the rollup
 * has caught up (a read folds one chunk itself; with small chunks a step leaves more than one).
 */
async function expectExact(store: Store, projectId: string, queries: readonly ActivityQuery[], step: string): Promise<void> {
  await store.kpi.refreshRollups();
  const reference = await referenceKpis(store, projectId);
  const both = async <T>(read: (kpis: RetentionKpiStore) => Promise<T>) => [await read(store.kpi), await read(reference)] as const;
  for (const q of queries) {
    const what = `${step}: ${q.from.toISOString()} → ${q.to.toISOString()}${q.segment ? ' pro' : ''}`;
    const [active, activeRef] = await both((k) => k.activeUserCounts(projectId, q));
    expect(sorted(active), `active users, ${what}`).toEqual(sorted(activeRef));
    for (const inactivityMs of [DAY_MS, 7 * DAY_MS]) {
      const [retention, retentionRef] = await both((k) => k.retentionCounts(projectId, { ...q, inactivityMs }));
      expect(retention, `retention ${inactivityMs}, ${what}`).toEqual(retentionRef);
      if (q.segment) continue;
      // The series statement over q and the three periods as long before it: the same counts per period.
      const length = q.to.getTime() - q.from.getTime();
      const bounds = [3, 2, 1, 0, -1].map((back) => q.from.getTime() - back * length);
      const [series, seriesRef] = await both((k) => k.retentionSeries(projectId, { bounds, inactivityMs }));
      expect(series, `retention series ${inactivityMs}, ${what}`).toEqual(seriesRef);
    }
    for (const periodMs of [DAY_MS, 7 * DAY_MS]) {
      const [cohorts, cohortsRef] = await both((k) => k.cohortCounts(projectId, { ...q, periodMs }));
      expect(sorted(cohorts), `cohorts ${periodMs}, ${what}`).toEqual(sorted(cohortsRef));
    }
    for (const firstDaysMs of [HOUR, 7 * DAY_MS]) {
      const [dropOff, dropOffRef] = await both((k) => k.dropOffCounts(projectId, { ...q, firstDaysMs }));
      expect(dropOff, `drop-off ${firstDaysMs}, ${what}`).toEqual(dropOffRef);
    }
    const [engagement, engagementRef] = await both((k) => k.engagementCounts(projectId, { ...q, event: 'Report Exported' }));
    expect(engagement, `engagement, ${what}`).toEqual(engagementRef);
  }
}

/**
 * The activity rollup (migration 009) is folded in as KPIs are read; these tests change the data
 * between reads in every way the rollup must survive and compare each KPI with the reference.
 */
export function kpiRollupConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('retention KPIs over the activity rollup', () => {
    withStore(
      'equal the raw definitions after new and late events, identity merges, erasure and a comeback',
      async (store, projectId) => {
        const random = createRandom(20261122);
        const queries = randomQueries(random);
        const plans = new Map(USERS.map((user, i) => [user, i % 2 === 0 ? 'pro' : 'free']));
        const signUp = USERS.map((user, i) => identify(projectId, user, 0, BASE + i * 3 * DAY_MS + random.int(DAY_MS), plans.get(user)!));

        await store.writeEvents([...signUp, ...randomEvents(random, projectId, 400, [BASE, BASE + 25 * DAY_MS])]);
        await expectExact(store, projectId, queries, 'first load');

        // Late events (old timestamps, after the rollup has moved on) and new ones.
        await store.writeEvents(randomEvents(random, projectId, 150, [BASE - 5 * DAY_MS, BASE + 40 * DAY_MS]));
        await expectExact(store, projectId, queries, 'late events');

        // Second devices identify: their anonymous events now count for the user (merged subjects).
        await store.writeEvents(
          USERS.slice(0, 4).map((user) => identify(projectId, user, 1, BASE + 20 * DAY_MS + random.int(DAY_MS), plans.get(user)!)),
        );
        await expectExact(store, projectId, queries, 'identity merges');

        await store.users.erase(projectId, 'u2');
        await store.users.erase(projectId, 'u5');
        await expectExact(store, projectId, queries, 'erasure');

        await store.writeEvents([
          identify(projectId, 'u2', 0, BASE + 33 * DAY_MS, 'pro'),
          ...randomEvents(random, projectId, 100, [BASE, BASE + 40 * DAY_MS]),
        ]);
        await expectExact(store, projectId, queries, 'comeback');
      },
      // Five steps of ~100 KPI reads each: seconds on a quiet machine, far more on a busy one.
      120_000,
    );

    withStore(
      'are folded in the background: with no KPI read, a fold that started after a write reports it folded',
      async (store, projectId) => {
        const random = createRandom(7);
        await store.writeEvents(randomEvents(random, projectId, 50, [BASE, BASE + 10 * DAY_MS]));
        const writtenAt = performance.now();
        await vi.waitFor(
          () => {
            const { lagMs, error } = store.kpi.rollupStatus();
            expect(error).toBeNull();
            // Everything acknowledged more than lagMs ago is folded: the write is, by a background fold.
            expect(lagMs).not.toBeNull();
            expect(lagMs!).toBeLessThan(performance.now() - writtenAt);
          },
          { timeout: 15_000, interval: 50 },
        );
      },
    );

    withStore(
      'count retention from the edges of its windows: first and last milliseconds, a gap around a window, merges and erasure',
      async (store, projectId) => {
        const N = 7 * DAY_MS;
        const from = BASE + 10 * DAY_MS + 5 * HOUR;
        const to = from + 9 * DAY_MS;
        const query = { from: new Date(from), to: new Date(to), inactivityMs: N };
        const event = (userId: string | null, anonymousId: string, at: number) =>
          newEvent({ projectId, userId, anonymousId, timestamp: at, receivedAt: at });
        await store.writeEvents([
          // At the start and retained: the first millisecond of (from − N, from), the last of (to − N, to).
          event('edges', 'a-edges', from - N + 1),
          event('edges', 'a-edges', to - 1),
          // Neither: only on the windows' excluded ends, and at `from` itself (in neither window).
          event('outside', 'a-outside', from - N),
          event('outside', 'a-outside', from),
          event('outside', 'a-outside', to - N),
          event('outside', 'a-outside', to),
          // Active before and after both windows, never in them: its first and last event span them.
          event('gap', 'a-gap', from - 3 * N),
          event('gap', 'a-gap', to + DAY_MS),
          // At the start only: the last millisecond before `from`, then (to − N) exactly.
          event('lapsed', 'a-lapsed', from - 1),
          event('lapsed', 'a-lapsed', to - N),
          // A visitor on the windows' first milliseconds.
          event(null, 'visitor-edge', from - N + 1),
          event(null, 'visitor-edge', to - N + 1),
        ]);
        const check = async (expected: { customersAtStart: number; retained: number }, step: string) => {
          await store.kpi.refreshRollups();
          const reference = await referenceKpis(store, projectId);
          expect(await store.kpi.retentionCounts(projectId, query), step).toEqual(expected);
          expect(await reference.retentionCounts(projectId, query), `reference, ${step}`).toEqual(expected);
        };
        await check({ customersAtStart: 3, retained: 2 }, 'first load');
        // The visitor identifies: its events now count for a user (the visitor's rows are rebuilt as none).
        await store.writeEvents([
          newEvent({ projectId, type: 'identify', name: null, userId: 'late', anonymousId: 'visitor-edge', timestamp: to + HOUR }),
        ]);
        await check({ customersAtStart: 3, retained: 2 }, 'identity merge');
        // A late event puts the lapsed user back inside (to − N, to).
        await store.writeEvents([event('lapsed', 'a-lapsed', to - N + 1)]);
        await check({ customersAtStart: 3, retained: 3 }, 'late event');
        await store.users.erase(projectId, 'edges');
        await check({ customersAtStart: 2, retained: 2 }, 'erasure');
      },
    );

    withStore('folds what was written between reads, and a refresh leaves nothing to fold', async (store, projectId) => {
      const range = { from: new Date(BASE), to: new Date(BASE + 10 * DAY_MS) };
      const at = BASE + 2 * DAY_MS + 5 * HOUR;
      await store.writeEvents([newEvent({ projectId, userId: 'solo', anonymousId: 'a-solo', timestamp: at, receivedAt: at })]);
      expect(await store.kpi.engagementCounts(projectId, range)).toMatchObject({ activeUsers: 1, events: 1, activeDays: 1 });
      await store.writeEvents([
        newEvent({ projectId, userId: 'solo', anonymousId: 'a-solo', timestamp: at + HOUR, receivedAt: at + HOUR }),
      ]);
      await store.kpi.refreshRollups();
      expect(await store.kpi.engagementCounts(projectId, range)).toMatchObject({ activeUsers: 1, events: 2, activeDays: 1 });
    });
  });
}
