import { PROMPT_EVENTS, type JsonValue } from '@hearth/schema';
import { describe, expect } from 'vitest';
import { answerFactQueries, type FactEvent, type FactQueries } from '../../domain/targeting/facts.js';
import { DAY_MS } from '../../domain/time.js';
import { VISIT_GAP_MS, lastSeenBeforeVisit, lastSeenBeforeVisitOf } from '../../domain/visit.js';
import { T0, newEvent } from '../../test-support/events.js';
import type { NewEvent } from '../../domain/events.js';
import { storeTest, type OpenStore } from './harness.js';

const NOW = new Date(T0 + 10 * DAY_MS);
const HOUR = 3_600_000;

type Spec = { name: string; at: number; properties?: Record<string, JsonValue> };

/** Filters that only pass when the store compares JSON types the way `===` does. */
const QUERIES: FactQueries = {
  counts: [
    { event: 'opened', withinDays: 1 },
    { event: 'opened', withinDays: 7 },
    { event: 'opened', withinDays: null },
    { event: 'opened', withinDays: 0.5 },
    { event: 'never_done', withinDays: null },
  ],
  matches: [
    { event: 'opened', where: null },
    { event: 'invite', where: { role: 'admin' } },
    { event: 'invite', where: { n: 1 } },
    { event: 'invite', where: { n: '1' } },
    { event: 'invite', where: { n: true } },
    { event: 'invite', where: { flag: null } },
    { event: 'invite', where: { role: 'admin', n: 1 } },
    { event: 'invite', where: { 'a.b': 'dotted' } },
    { event: 'invite', where: { nested: 'x' } },
    { event: 'never_done', where: null },
  ],
};

const SPECS: Spec[] = [
  { name: 'opened', at: NOW.getTime() - 9 * DAY_MS },
  { name: 'opened', at: NOW.getTime() - 7 * DAY_MS }, // exactly on the 7-day edge: inside
  { name: 'opened', at: NOW.getTime() - 2 * DAY_MS },
  { name: 'opened', at: NOW.getTime() - 3 * HOUR },
  { name: 'invite', at: T0 + 1 * HOUR, properties: { role: 'member', n: '1' } },
  { name: 'invite', at: T0 + 2 * HOUR, properties: { role: 'admin', n: true } },
  { name: 'invite', at: T0 + 3 * HOUR, properties: { role: 'admin', n: 1.0, flag: null } },
  { name: 'invite', at: T0 + 4 * HOUR, properties: { 'a.b': 'dotted', nested: { x: 1 } } },
  { name: PROMPT_EVENTS.shown, at: T0 + 5 * HOUR, properties: { promptId: 'p', kind: 'checklist' } },
  { name: PROMPT_EVENTS.dismissed, at: T0 + 6 * HOUR, properties: { promptId: 'p', kind: 'checklist' } },
];

const asFactEvents = (specs: Spec[]): FactEvent[] =>
  specs.map((s) => ({ name: s.name, at: new Date(s.at), properties: s.properties ?? {} }));

/** Targeting facts: every answer must equal the in-memory reference over the same events. */
export function factsConformance(open: OpenStore): void {
  const withStore = storeTest(open);
  const track = (projectId: string, spec: Spec, who: Partial<NewEvent>) =>
    newEvent({ projectId, name: spec.name, timestamp: spec.at, receivedAt: spec.at, properties: spec.properties ?? {}, ...who });

  describe('targeting facts', () => {
    withStore('answers counts and typed first matches for a user exactly as the in-memory reference', async (store, projectId) => {
      await store.writeEvents(SPECS.map((spec) => track(projectId, spec, { userId: 'u1', anonymousId: 'anon-u1' })));
      // Someone else's events, and a visitor's, must not count for u1.
      await store.writeEvents(SPECS.map((spec) => track(projectId, spec, { userId: 'u2', anonymousId: 'anon-u2' })));
      await store.writeEvents([track(projectId, { name: 'opened', at: NOW.getTime() - HOUR }, { anonymousId: 'visitor' })]);

      const expected = answerFactQueries(QUERIES, asFactEvents(SPECS), NOW);
      const answers = await store.facts.answer(projectId, { userId: 'u1' }, QUERIES, NOW);
      expect(answers).toEqual(expected);
      // Guard against a reference that trivially matches everything or nothing.
      expect([...expected.counts.values()]).toEqual([1, 3, 4, 1, 0]);
      expect([...expected.firstEvents.values()].map((d) => d && d.getTime() - T0)).toEqual([
        NOW.getTime() - 9 * DAY_MS - T0,
        2 * HOUR,
        3 * HOUR,
        1 * HOUR,
        2 * HOUR,
        3 * HOUR,
        3 * HOUR,
        4 * HOUR,
        null,
        null,
      ]);
      expect(await store.facts.answer(projectId, { userId: 'u1' }, { counts: [], matches: [] }, NOW)).toEqual({
        counts: new Map(),
        firstEvents: new Map(),
      });
    });

    withStore("reads a visitor's own unclaimed events only", async (store, projectId) => {
      const mine = SPECS.slice(0, 5);
      await store.writeEvents(mine.map((spec) => track(projectId, spec, { anonymousId: 'visitor' })));
      // Events of an anonymous id linked to a user belong to that user, not to whoever sends the id.
      await store.writeEvents([track(projectId, { name: 'opened', at: T0 }, { anonymousId: 'claimed' })]);
      await store.writeEvents([
        newEvent({ projectId, anonymousId: 'claimed', type: 'identify', name: null, userId: 'owner', timestamp: T0 + 1 }),
      ]);
      expect(await store.facts.answer(projectId, { anonymousId: 'visitor' }, QUERIES, NOW)).toEqual(
        answerFactQueries(QUERIES, asFactEvents(mine), NOW),
      );
      expect(await store.facts.answer(projectId, { anonymousId: 'claimed' }, QUERIES, NOW)).toEqual(answerFactQueries(QUERIES, [], NOW));
    });

    withStore('returns the display events, oldest first', async (store, projectId) => {
      await store.writeEvents(SPECS.map((spec) => track(projectId, spec, { userId: 'u1' })));
      const events = await store.facts.promptEvents(projectId, { userId: 'u1' });
      expect(events).toEqual(asFactEvents(SPECS.filter((s) => s.name.startsWith('$prompt_'))));
    });

    withStore('knows traits, first seen and the last activity before the current visit', async (store, projectId) => {
      const gap = VISIT_GAP_MS;
      // Visits: [T0, T0+10m], [T0+2d], then a batch holding a gap inside: [T0+3d, T0+3d+gap+1m].
      const times = [T0, T0 + 10 * 60_000, T0 + 2 * DAY_MS, T0 + 3 * DAY_MS, T0 + 3 * DAY_MS + gap + 60_000];
      const at = (t: number) => track(projectId, { name: 'opened', at: t }, { userId: 'u1', anonymousId: 'a-u1' });
      await store.writeEvents([
        newEvent({ projectId, type: 'identify', name: null, userId: 'u1', anonymousId: 'a-u1', timestamp: T0, traits: { role: 'admin' } }),
      ]);
      await store.writeEvents([at(times[1]!)]);
      await store.writeEvents([at(times[2]!)]);
      await store.writeEvents([at(times[3]!), at(times[4]!)]);
      await store.writeEvents(times.map((t) => track(projectId, { name: 'opened', at: t }, { anonymousId: 'visitor' })));

      for (const subject of [{ userId: 'u1' }, { anonymousId: 'visitor' }]) {
        const profile = await store.facts.profile(projectId, subject);
        expect(profile.firstSeen).toBe(T0);
        expect(profile.lastSeen).toBe(times[4]);
        // During the last visit, and after it ended.
        for (const now of [times[4]! + 60_000, times[4]! + gap, times[4]! + 5 * DAY_MS]) {
          expect(lastSeenBeforeVisit(profile, now), `${JSON.stringify(subject)} at +${now - times[4]!}`).toBe(
            lastSeenBeforeVisitOf(times, now),
          );
        }
      }
      expect(lastSeenBeforeVisit(await store.facts.profile(projectId, { userId: 'u1' }), times[4]! + 1)).toBe(times[3]);
      expect((await store.facts.profile(projectId, { userId: 'u1' })).traits).toEqual({ role: 'admin' });
      expect(await store.facts.profile(projectId, { userId: 'nobody' })).toEqual({
        traits: {},
        firstSeen: null,
        lastSeen: null,
        previousSeen: null,
      });
      expect(await store.facts.profile(projectId, { anonymousId: 'nobody' })).toEqual({
        traits: {},
        firstSeen: null,
        lastSeen: null,
        previousSeen: null,
      });
    });
  });
}
