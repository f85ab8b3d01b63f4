import { CHECKLIST_EVENTS, PROMPT_EVENTS, type JsonValue } from '@hearth/schema';
import { describe, expect, vi } from 'vitest';
import type { NewEvent } from '../../domain/events.js';
import { DAY_MS } from '../../domain/time.js';
import { newEvent } from '../../test-support/events.js';
import { mulberry32 } from '../../test-support/seeded-random.js';
import { DEFINITION_BUILD_JOB } from '../kpi/definition-builds.js';
import { itemDefinition } from '../kpi/item-definition.js';
import type { ChecklistRowsQuery } from '../kpi/kpi-store.js';
import type { Store } from '../store.js';
import { storeTest, type OpenStore } from './harness.js';

const HOUR = 3_600_000;
const BASE = Date.parse('2026-05-04T00:00:00.000Z');
/** A query's end: events are also written exactly at it, which the KPIs must leave out. */
const TO = BASE + 20 * DAY_MS;

type Item = ChecklistRowsQuery['items'][number];
const byEvent = (id: string, event: string, where?: Record<string, string | number | boolean | null>): Item => ({
  id,
  completeWhen: { type: 'event', event, ...(where ? { where } : {}) },
});
const byTrait: Item = { id: 'avatar', completeWhen: { type: 'trait', trait: 'avatar', op: 'exists' } };

/** The checklist before the edit, and after it: an item's event changed, a filter added, one removed, one added. */
const BEFORE = [
  byEvent('create', 'Project Created'),
  byEvent('invite', 'Teammate Invited', { role: 'admin' }),
  byEvent('export', 'Report Exported'),
  byTrait,
];
const AFTER = [
  byEvent('create', 'Board Viewed'),
  byEvent('invite', 'Teammate Invited', { role: 'admin', seats: 5 }),
  byEvent('connect', 'Source Connected', { 'kind.name': 'csv', verified: true }),
  byTrait,
];

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5'];
const NAMES = ['Project Created', 'Teammate Invited', 'Report Exported', 'Board Viewed', 'Source Connected'];
/** Properties with nested values, strings that look like numbers and keys with dots, which the filters must tell apart. */
const PROPERTIES: Record<string, JsonValue>[] = [
  {},
  { role: 'admin' },
  { role: 'admin', seats: 5, team: { role: 'member', seats: [5] } },
  { role: 'member', seats: '5' },
  { role: { name: 'admin' }, seats: 5.0 },
  { 'kind.name': 'csv', verified: true, kind: { name: 'xls' } },
  { kind: { name: 'csv' }, verified: 'true' },
  { 'kind.name': 'csv', verified: true, extra: null },
];

/** A small seeded generator, so a failure replays the same data. */
function createRandom(seed: number) {
  const next = mulberry32(seed);
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}
type Random = ReturnType<typeof createRandom>;

/** Who an event is from: a user (also in an account, for the team checklist), a user's pre-identify device, or a visitor. */
function someone(random: Random) {
  const who = random.int(10);
  const user = USERS[who % USERS.length]!;
  if (who < 5) return { userId: user, anonymousId: `anon-${user}-0`, accountId: user < 'u3' ? 'acme' : 'globex' };
  if (who < 8) return { userId: null, anonymousId: `anon-${user}-1` };
  return { userId: null, anonymousId: `visitor-${random.int(3)}` };
}

function randomEvents(random: Random, projectId: string, count: number, within: [number, number]): NewEvent[] {
  return Array.from({ length: count }, () => {
    const at = random.int(4) === 0 ? TO : within[0] + random.int(within[1] - within[0]);
    const base = { projectId, timestamp: at, receivedAt: at, ...someone(random) };
    const kind = random.int(10);
    const promptId = random.pick(['onboarding', 'team-onboarding']);
    if (kind === 0) return newEvent({ ...base, name: PROMPT_EVENTS.shown, properties: { promptId, kind: 'checklist' } });
    if (kind === 1) return newEvent({ ...base, name: PROMPT_EVENTS.completed, properties: { promptId } });
    if (kind === 2) {
      const itemId = random.pick(['create', 'avatar', 'export', 'connect', 7]);
      return newEvent({ ...base, name: CHECKLIST_EVENTS.itemCompleted, properties: { promptId, itemId } });
    }
    return newEvent({ ...base, name: random.pick(NAMES), properties: random.pick(PROPERTIES) });
  });
}

const identify = (projectId: string, user: string, device: number, at: number) =>
  newEvent({
    projectId,
    type: 'identify',
    name: null,
    userId: user,
    anonymousId: `anon-${user}-${device}`,
    traits: { plan: user < 'u3' ? 'pro' : 'free' },
    timestamp: at,
    receivedAt: at,
    properties: {},
  });

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/**
 * The checklists' queries: an open range, from a day on, a `to` with events exactly at it, a `to`
 * before most, and segmented by a trait and by first seen.
 */
const queries = (items: readonly Item[]): ChecklistRowsQuery[] =>
  ['onboarding', 'team-onboarding'].flatMap((promptId) => [
    { promptId, items, to: new Date(TO) },
    { promptId, items, from: new Date(BASE + 3 * DAY_MS), to: new Date(TO) },
    { promptId, items, from: new Date(BASE + 2 * DAY_MS), to: new Date(BASE + 9 * DAY_MS + 5 * HOUR) },
    { promptId, items, to: new Date(BASE + 30 * DAY_MS) },
    { promptId, items, to: new Date(TO), segment: { kind: 'trait', trait: 'plan', values: ['pro'] } },
    { promptId, items, to: new Date(TO), segment: { kind: 'first-seen', fromMs: null, toMs: BASE + 2 * DAY_MS + HOUR } },
  ]);

/**
 * Every query answers from the rollup (after a fold that builds what the first read asked for)
 * exactly what the rows read from `events` are. A checklist whose items were just edited must be
 * answered from `events` before its new definitions are built, never from rows of the old ones.
 */
async function expectRollupEqualsEvents(store: Store, projectId: string, items: readonly Item[], step: string, edited = false) {
  await store.kpi.refreshRollups();
  const first = await store.kpi.checklistRows(projectId, queries(items)[0]!);
  if (edited) expect(first.source, `${step}: a read before the new definitions are built`).toBe('events');
  await store.kpi.refreshRollups();
  expect(store.kpi.rollupStatus()).toMatchObject({ error: null, checklistItemsBuilding: 0 });
  for (const query of queries(items)) {
    const what = `${step}: ${query.promptId} [${query.from?.toISOString() ?? '…'}, ${query.to.toISOString()}) ${query.segment?.kind ?? ''}`;
    const { rows, source } = await store.kpi.checklistRows(projectId, query);
    expect(source, what).toBe('rollup');
    expect(sorted(rows), what).toEqual(sorted(await store.kpi.checklistRowsFromEvents(projectId, query)));
  }
}

/** The definitions of a checklist's event-completed items, as the rollup keys them. */
const definitionsOf = (items: readonly Item[]) =>
  items.flatMap((item) =>
    item.completeWhen.type === 'event' ? [itemDefinition(item.completeWhen.event, item.completeWhen.where ?? {}).definition] : [],
  );

/**
 * The checklist rollup (migration 025) against the rows read from `events`, through everything that
 * invalidates it: new and late events, an edit of the checklist's items, erasure, identity merges.
 * The team checklist is an account-scoped one: its KPIs count users, as the events read does.
 * Retention expiry is the one deletion the rollup does not follow (migration 019): like the
 * activity rollup it keeps the history of expired events.
 */
export function kpiChecklistRollupConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('checklist KPIs over the checklist rollup', () => {
    withStore(
      'equal the rows read from events after new and late events, item edits, erasure and identity merges',
      async (store, projectId) => {
        const random = createRandom(20260504);
        await store.writeEvents([
          ...USERS.map((user, i) => identify(projectId, user, 0, BASE + i * DAY_MS)),
          ...randomEvents(random, projectId, 300, [BASE, BASE + 15 * DAY_MS]),
        ]);
        await expectRollupEqualsEvents(store, projectId, BEFORE, 'first load');

        // Late events (before anything folded so far) and new ones, some exactly at `to`.
        await store.writeEvents(randomEvents(random, projectId, 120, [BASE - 5 * DAY_MS, BASE + 25 * DAY_MS]));
        await expectRollupEqualsEvents(store, projectId, BEFORE, 'late events');

        await expectRollupEqualsEvents(store, projectId, AFTER, 'items edited', true);

        await store.users.erase(projectId, 'u2');
        await expectRollupEqualsEvents(store, projectId, AFTER, 'erasure');

        // Second devices identify: their events now count for the user, not the anonymous id.
        await store.writeEvents([identify(projectId, 'u3', 1, BASE + 16 * DAY_MS), identify(projectId, 'u4', 1, BASE + 17 * DAY_MS)]);
        await expectRollupEqualsEvents(store, projectId, AFTER, 'identity merges');

        // The old definitions were kept folding: going back reads the rollup at once.
        await store.writeEvents(randomEvents(random, projectId, 60, [BASE, BASE + 25 * DAY_MS]));
        await expectRollupEqualsEvents(store, projectId, BEFORE, 'edit undone');
      },
      // Six steps of ~20 reads each, plus the builds: seconds on a quiet machine, far more on a busy one.
      120_000,
    );

    // A read enqueues the build as a job (any collector claims it) rather than asking its own
    // process: a collector stopped before building it loses nothing, another builds it unasked.
    withStore('build a definition a read asked for in another store, after that store closed', async (store, projectId) => {
      const asking = await open();
      try {
        const random = createRandom(11);
        await asking.writeEvents(randomEvents(random, projectId, 150, [BASE, BASE + 15 * DAY_MS]));
        await asking.kpi.refreshRollups();
        expect((await asking.kpi.checklistRows(projectId, queries(AFTER)[0]!)).source).toBe('events');
        for (const definition of definitionsOf(AFTER)) {
          const job = await asking.jobs.get(`${DEFINITION_BUILD_JOB}:${projectId}:${definition}`);
          expect(job?.status, definition).toMatch(/^(pending|running|done)$/);
        }
      } finally {
        await asking.close();
      }
      await store.kpi.refreshRollups();
      expect(store.kpi.rollupStatus()).toMatchObject({ error: null, checklistItemsBuilding: 0 });
      // This store's first reads: it never asked for a build.
      for (const query of queries(AFTER)) {
        const { rows, source } = await store.kpi.checklistRows(projectId, query);
        expect(source).toBe('rollup');
        expect(sorted(rows)).toEqual(sorted(await store.kpi.checklistRowsFromEvents(projectId, query)));
      }
    });

    // A build whose every attempt failed keeps its job, and so its key, until the jobs purge a
    // month later: unless a read starts it over, the checklist is read from `events` till then.
    withStore('build a definition whose build was given up, when a read asks for it again', async (store, projectId) => {
      const random = createRandom(13);
      await store.writeEvents(randomEvents(random, projectId, 150, [BASE, BASE + 15 * DAY_MS]));
      // AFTER's builds, given up: enqueued under a kind of this test's own, so that no collector
      // claims them before they fail (starting over gives them the build's kind back).
      const held = `test.${projectId}`;
      for (const definition of definitionsOf(AFTER))
        await store.jobs.enqueue(
          { kind: held, key: `${DEFINITION_BUILD_JOB}:${projectId}:${definition}`, payload: {}, runAt: 0, maxAttempts: 1 },
          0,
        );
      const now = Date.now();
      for (const job of await store.jobs.claim('gone', [held], 10, now, 60_000))
        expect(await store.jobs.retryLater({ id: job.id, claimedBy: 'gone', attempts: 1 }, now, 'disk I/O error', now)).toBe('failed');
      const errors: string[] = [];
      const log = vi.spyOn(console, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
      try {
        await expectRollupEqualsEvents(store, projectId, AFTER, 'builds given up, asked for again', true);
      } finally {
        log.mockRestore();
      }
      expect(errors.sort()).toEqual(
        definitionsOf(AFTER)
          .sort()
          .map(
            (definition) =>
              `hearth-collector: the build of checklist item definition ${definition} (project ${projectId}) had been given up; a read asked for it again, so it starts over`,
          ),
      );
    });

    withStore('prune the definitions no checklist uses, and build one anew when it is asked for again', async (store, projectId) => {
      const random = createRandom(12);
      await store.writeEvents(randomEvents(random, projectId, 150, [BASE, BASE + 15 * DAY_MS]));
      await expectRollupEqualsEvents(store, projectId, BEFORE, 'before the edit');
      await expectRollupEqualsEvents(store, projectId, AFTER, 'after the edit', true);
      // BEFORE's three event items (create, invite, export) all have other rules in AFTER.
      expect(await store.kpi.pruneItemDefinitions(projectId, definitionsOf(AFTER))).toBe(3);
      expect(await store.kpi.pruneItemDefinitions(projectId, definitionsOf(AFTER))).toBe(0);
      expect((await store.kpi.checklistRows(projectId, queries(AFTER)[0]!)).source).toBe('rollup');
      // Undoing the edit now needs the old definitions built again, from `events`.
      await expectRollupEqualsEvents(store, projectId, BEFORE, 'edit undone after the prune', true);
      await store.writeEvents(randomEvents(random, projectId, 60, [BASE, BASE + 25 * DAY_MS]));
      await expectRollupEqualsEvents(store, projectId, BEFORE, 'new events after the rebuild');
    });

    withStore('keep the first times of expired events, as the activity rollup keeps their days', async (store, projectId) => {
      const random = createRandom(7);
      await store.writeEvents(randomEvents(random, projectId, 150, [BASE, BASE + 15 * DAY_MS]));
      await expectRollupEqualsEvents(store, projectId, BEFORE, 'before expiry');
      const before = await Promise.all(queries(BEFORE).map((query) => store.kpi.checklistRowsFromEvents(projectId, query)));
      while ((await store.expiry.expireEvents(projectId, new Date(BASE + 8 * DAY_MS), 50)) === 50);
      await store.kpi.refreshRollups();
      // The events read forgets them (so this test can tell the two apart); the rollup does not.
      expect(sorted(await store.kpi.checklistRowsFromEvents(projectId, queries(BEFORE)[0]!))).not.toEqual(sorted(before[0]!));
      for (const [i, query] of queries(BEFORE).entries()) {
        const { rows, source } = await store.kpi.checklistRows(projectId, query);
        expect(source).toBe('rollup');
        expect(sorted(rows), `${query.promptId} after expiry`).toEqual(sorted(before[i]!));
      }
    });
  });
}
