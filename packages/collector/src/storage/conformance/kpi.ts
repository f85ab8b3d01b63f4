import { CHECKLIST_EVENTS, PROMPT_EVENTS, checklistPromptSchema, type JsonValue } from '@hearth/schema';
import { describe, expect } from 'vitest';
import { checklistProgress } from '../../domain/checklist/progress.js';
import { factQueries } from '../../domain/kinds/index.js';
import { createUserFacts } from '../../domain/targeting/facts.js';
import { checklistKpis } from '../../kpi/checklist.js';
import { T0, newEvent } from '../../test-support/events.js';
import type { NewEvent } from '../../domain/events.js';
import { storeTest, type OpenStore } from './harness.js';

const HOUR = 3_600_000;
const ITEMS = [
  { id: 'create', optional: false, completeWhen: { type: 'event' as const, event: 'Project Created' } },
  { id: 'invite', optional: false, completeWhen: { type: 'event' as const, event: 'Teammate Invited', where: { role: 'admin' } } },
  { id: 'avatar', optional: true, completeWhen: { type: 'trait' as const, trait: 'avatar', op: 'exists' as const } },
];
const FROM = new Date(T0 - HOUR);
const TO = new Date(T0 + 2 * 24 * HOUR);

/**
 * Hand-computed fixture (cohort: first `$prompt_shown` of "onboarding" in [FROM, TO)):
 * - u1 (pro): shown T0; creates at +1h, invites an admin at +2h → completed after 2 h.
 * - u2 (free): shown T0+1d; created a project the day before; invites a *member* (not the item).
 * - u3 (free): shown T0, does nothing (another checklist's display does not count).
 * - u4 (pro): shown T0; creates at +30m; the widget reports the trait item and completion at +4h.
 * - a visitor: shown T0, creates at +1h.
 * - u5 does everything but was never shown it; u6 is first shown after TO.
 * → shown 5, started 4 (u1, u2, u4, visitor), completed 2 (2 h, 4 h; median 3 h);
 *   items: create 4, invite 1, avatar 1. Segment plan=pro: u1, u4 → 2 / 2 / 2, items 2, 1, 1.
 */
function fixture(projectId: string): NewEvent[] {
  const at = (ms: number) => ({ timestamp: ms, receivedAt: ms });
  const user = (userId: string, traits: Record<string, JsonValue>) =>
    newEvent({ projectId, type: 'identify', name: null, userId, anonymousId: `a-${userId}`, traits, ...at(T0 - 48 * HOUR) });
  const ev = (who: string | null, name: string, ms: number, properties: Record<string, JsonValue> = {}) =>
    newEvent({ projectId, userId: who, anonymousId: who ? `a-${who}` : 'visitor', name, properties, ...at(ms) });
  const shown = (who: string | null, ms: number, promptId = 'onboarding') =>
    ev(who, PROMPT_EVENTS.shown, ms, { promptId, kind: 'checklist' });
  return [
    user('u1', { plan: 'pro' }),
    user('u2', { plan: 'free' }),
    user('u3', { plan: 'free' }),
    user('u4', { plan: 'pro' }),
    user('u5', { plan: 'pro' }),
    user('u6', { plan: 'pro' }),
    shown('u1', T0),
    ev('u1', 'Project Created', T0 + HOUR),
    ev('u1', 'Teammate Invited', T0 + 2 * HOUR, { role: 'admin' }),
    shown('u2', T0 + 24 * HOUR),
    ev('u2', 'Project Created', T0 - 24 * HOUR),
    ev('u2', 'Teammate Invited', T0 + 25 * HOUR, { role: 'member' }),
    shown('u3', T0),
    shown('u3', T0 - 5 * HOUR, 'other-checklist'),
    shown('u4', T0),
    ev('u4', 'Project Created', T0 + HOUR / 2),
    ev('u4', CHECKLIST_EVENTS.itemCompleted, T0 + 3 * HOUR, { promptId: 'onboarding', itemId: 'avatar' }),
    ev('u4', PROMPT_EVENTS.completed, T0 + 4 * HOUR, { promptId: 'onboarding', kind: 'checklist' }),
    shown(null, T0),
    ev(null, 'Project Created', T0 + HOUR),
    ev('u5', 'Project Created', T0),
    ev('u5', 'Teammate Invited', T0, { role: 'admin' }),
    shown('u6', TO.getTime() + HOUR),
    ev('u6', 'Project Created', TO.getTime() + 2 * HOUR),
  ];
}

/** KPI rows: folded by kpi/checklist.ts, they must give the hand-computed figures on every store. */
export function kpiConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('checklist KPI rows', () => {
    withStore('give the hand-computed checklist KPIs, overall and for a trait segment', async (store, projectId) => {
      await store.writeEvents(fixture(projectId));
      const { rows } = await store.kpi.checklistRows(projectId, { promptId: 'onboarding', items: ITEMS, to: TO });
      const query = { items: ITEMS, range: { from: FROM, to: TO } };
      expect(checklistKpis(rows, query)).toEqual({
        shown: 5,
        started: 4,
        completed: 2,
        startedRate: 80,
        completionRate: 40,
        completionRateOfStarted: 50,
        medianTimeToCompleteMs: 3 * HOUR,
        items: [
          { itemId: 'create', completed: 4, rate: 80 },
          { itemId: 'invite', completed: 1, rate: 20 },
          { itemId: 'avatar', completed: 1, rate: 20 },
        ],
      });
      const segment = { kind: 'trait' as const, trait: 'plan', values: ['pro'] };
      const { rows: proRows } = await store.kpi.checklistRows(projectId, { promptId: 'onboarding', items: ITEMS, to: TO, segment });
      const pro = checklistKpis(proRows, query);
      expect(pro).toMatchObject({ shown: 2, started: 2, completed: 2, medianTimeToCompleteMs: 3 * HOUR });
      expect(pro.items.map((i) => i.completed)).toEqual([2, 1, 1]);
      expect(rows.every((row) => row.userId !== 'u5')).toBe(true);
      // Given the range's start, subjects first shown before it are left out, with the same figures.
      const later = new Date(T0 + 12 * HOUR);
      const { rows: fromRows } = await store.kpi.checklistRows(projectId, { promptId: 'onboarding', items: ITEMS, from: later, to: TO });
      expect(new Set(fromRows.map((row) => row.userId))).toEqual(new Set(['u2']));
      expect(checklistKpis(fromRows, { ...query, range: { from: later, to: TO } })).toEqual(
        checklistKpis(rows, { ...query, range: { from: later, to: TO } }),
      );
    });

    withStore('counts as started only users who completed an item, so a bare completion is neither', async (store, projectId) => {
      const at = (ms: number) => ({ timestamp: ms, receivedAt: ms });
      const ev = (who: string, name: string, ms: number, properties: Record<string, JsonValue>) =>
        newEvent({ projectId, userId: who, anonymousId: `a-${who}`, name, properties, ...at(ms) });
      const shown = (who: string) => ev(who, PROMPT_EVENTS.shown, T0, { promptId: 'onboarding', kind: 'checklist' });
      const completed = (who: string) => ev(who, PROMPT_EVENTS.completed, T0 + HOUR, { promptId: 'onboarding', kind: 'checklist' });
      await store.writeEvents([
        shown('did-one'),
        ev('did-one', 'Project Created', T0 + HOUR / 2, {}),
        completed('did-one'),
        shown('did-none'),
        completed('did-none'),
        shown('idle'),
      ]);
      const { rows } = await store.kpi.checklistRows(projectId, { promptId: 'onboarding', items: ITEMS, to: TO });
      expect(checklistKpis(rows, { items: ITEMS, range: { from: FROM, to: TO } })).toMatchObject({
        shown: 3,
        started: 1,
        completed: 1,
        completionRateOfStarted: 100,
        medianTimeToCompleteMs: HOUR,
      });
    });

    withStore("marks an item done when the user's checklist progress does, at the same first event", async (store, projectId) => {
      await store.writeEvents(fixture(projectId));
      const { rows } = await store.kpi.checklistRows(projectId, { promptId: 'onboarding', items: ITEMS, to: TO });
      const checklist = checklistPromptSchema.parse({
        id: 'onboarding',
        kind: 'checklist',
        content: { title: 'Start', items: ITEMS.map((item) => ({ ...item, title: item.id })) },
      });
      const eventItems = ITEMS.filter((item) => item.completeWhen.type === 'event').map((item) => item.id);
      for (const userId of ['u1', 'u2', 'u3', 'u4']) {
        const answers = await store.facts.answer(projectId, { userId }, factQueries([checklist]), TO);
        const profile = { userId, traits: {}, locale: null, firstSeen: null, lastSeen: null };
        const progress = checklistProgress(checklist, createUserFacts(profile, answers), TO);
        for (const itemId of eventItems) {
          const kpiDoneAt = rows.filter((row) => row.userId === userId && row.itemId === itemId).map((row) => row.firstAt.getTime());
          const doneAt = progress.items.find((item) => item.id === itemId)?.doneAt?.getTime();
          expect([userId, itemId, kpiDoneAt.length ? Math.min(...kpiDoneAt) : undefined]).toEqual([userId, itemId, doneAt]);
        }
      }
    });

    withStore('has no rows for a checklist nobody saw', async (store, projectId) => {
      await store.writeEvents(fixture(projectId));
      expect((await store.kpi.checklistRows(projectId, { promptId: 'nobody-saw-this', items: ITEMS, to: TO })).rows).toEqual([]);
    });
  });
}
