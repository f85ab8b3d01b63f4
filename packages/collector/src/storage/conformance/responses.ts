import { PROMPT_EVENTS, SURVEY_EVENTS } from '@hearth/schema';
import { describe, expect } from 'vitest';
import type { StoredResponse } from '../../domain/survey/response.js';
import { cliKpi } from '../../kpi/cli.js';
import { T0, newEvent } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const response = (overrides: Partial<StoredResponse> = {}): StoredResponse => ({
  surveyId: 'nps',
  userId: 'u1',
  anonymous: false,
  cycle: 1,
  answer: { type: 'nps', score: 3 },
  comment: null,
  traits: { plan: 'pro', seats: 4 },
  locale: 'nb',
  answeredAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

/** Survey responses: one row per (survey, user, cycle), compare-and-set updates, KPI reads, webhook attempts. */
export function responsesConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('survey responses', () => {
    withStore('inserts once per (survey, user, cycle) and reads it back exactly', async (store, projectId) => {
      const first = response();
      expect(await store.responses.insert(projectId, first)).toBe(true);
      expect(await store.responses.insert(projectId, response({ answer: { type: 'nps', score: 10 } }))).toBe(false);
      expect(await store.responses.get(projectId, 'nps', { userId: 'u1' }, 1)).toEqual(first);
      expect(await store.responses.get(projectId, 'nps', { userId: 'u1' }, 2)).toBeNull();
      expect(await store.responses.get(`${projectId}-other`, 'nps', { userId: 'u1' }, 1)).toBeNull();
    });

    withStore('updates only while the row still holds the previous answer and comment', async (store, projectId) => {
      const first = response({ answer: { type: 'cli', scores: { quality: 7 } } });
      await store.responses.insert(projectId, first);
      const commented = {
        ...first,
        answer: { type: 'cli' as const, scores: { quality: 7, support: 9 } },
        comment: 'fix exports',
        updatedAt: at(2),
      };
      expect(await store.responses.update(projectId, first, commented)).toBe(true);
      // A second writer that read the old row loses: the route re-reads and decides again.
      expect(await store.responses.update(projectId, first, { ...first, comment: 'stale', updatedAt: at(3) })).toBe(false);
      expect(await store.responses.get(projectId, 'nps', { userId: 'u1' }, 1)).toEqual(commented);
    });

    withStore('latest is the highest cycle; marks group cycles by survey for one user', async (store, projectId) => {
      await store.responses.insert(projectId, response({ cycle: 1, answeredAt: at(0), updatedAt: at(0) }));
      await store.responses.insert(projectId, response({ cycle: 2, answeredAt: at(100), updatedAt: at(100) }));
      await store.responses.insert(
        projectId,
        response({ surveyId: 'csat', answer: { type: 'csat', score: 5 }, answeredAt: at(5), updatedAt: at(5) }),
      );
      await store.responses.insert(projectId, response({ userId: 'u2' }));
      expect((await store.responses.latest(projectId, 'nps', { userId: 'u1' }))?.cycle).toBe(2);
      expect(await store.responses.latest(projectId, 'nps', { userId: 'nobody' })).toBeNull();
      const marks = await store.responses.marks(projectId, { userId: 'u1' });
      expect(marks.get('nps')?.sort((a, b) => a.cycle - b.cycle)).toEqual([
        { cycle: 1, answeredAt: at(0) },
        { cycle: 2, answeredAt: at(100) },
      ]);
      expect(marks.get('csat')).toEqual([{ cycle: 1, answeredAt: at(5) }]);
    });

    withStore('lists one survey by answer time in [from, to), oldest first', async (store, projectId) => {
      for (const [userId, minutes] of [
        ['late', 30],
        ['early', 10],
        ['edge', 60],
        ['before', -1],
      ] as const) {
        await store.responses.insert(projectId, response({ userId, answeredAt: at(minutes), updatedAt: at(minutes) }));
      }
      const listed = await store.responses.list(projectId, 'nps', { from: at(0), to: at(60) });
      expect(listed.map((r) => r.userId)).toEqual(['early', 'late']);
      expect(await store.responses.list(projectId, 'csat', { from: at(0), to: at(60) })).toEqual([]);
    });

    withStore('reads back partial CLI answers so the index is the mean of every rating (67.50)', async (store, projectId) => {
      const answers: Record<string, number>[] = [
        { quality: 9, support: 10, overall: 3 },
        { quality: 1, support: 10, overall: 10 },
        { quality: 1, support: 10 },
      ];
      for (const [index, scores] of answers.entries()) {
        await store.responses.insert(projectId, response({ surveyId: 'cli', userId: `u${index}`, answer: { type: 'cli', scores } }));
      }
      const rows = await store.responses.list(projectId, 'cli', { from: at(-1), to: at(1) });
      const kpi = cliKpi(rows, { range: { from: at(-1), to: at(1) }, now: at(1), questionIds: ['quality', 'support', 'overall'] });
      expect(kpi.cli).toBe(67.5);
      expect(kpi.questions.map((q) => q.count)).toEqual([3, 3, 2]);
    });

    withStore(
      'counts distinct users shown each survey since a time, and lists display times with the user shown',
      async (store, projectId) => {
        const shown = (who: string, promptId: string, minutes: number, name: string = PROMPT_EVENTS.shown) =>
          newEvent({
            projectId,
            name,
            userId: who.startsWith('u') ? who : null,
            anonymousId: `a-${who}`,
            properties: { promptId, kind: 'survey', cycle: 1 },
            timestamp: at(minutes).getTime(),
          });
        await store.writeEvents([
          shown('u1', 'nps', 10),
          shown('u1', 'nps', 20),
          shown('visitor', 'nps', 30),
          shown('u2', 'nps', -10),
          shown('u3', 'csat', 10),
          shown('u4', 'nps', 10, SURVEY_EVENTS.snoozed),
        ]);
        const counts = await store.responses.usersShownSince(projectId, ['nps', 'csat', 'none'], at(0));
        expect(Object.fromEntries(counts)).toEqual({ nps: 2, csat: 1 });
        expect(await store.responses.usersShownSince(projectId, [], at(0))).toEqual(new Map());
        expect(await store.responses.displays(projectId, 'nps', { from: at(0), to: at(30) })).toEqual([
          { at: at(10), userId: 'u1' },
          { at: at(20), userId: 'u1' },
        ]);
        // A visitor's display names no user.
        expect(await store.responses.displays(projectId, 'nps', { from: at(30), to: at(31) })).toEqual([{ at: at(30), userId: null }]);
      },
    );

    withStore("keeps a visitor's anonymous answers apart from a user's, even under the same id", async (store, projectId) => {
      const user = response({ userId: 'victim', answer: { type: 'nps', score: 10 }, comment: 'love it' });
      const anonymous = response({ userId: 'victim', anonymous: true, answer: { type: 'nps', score: 0 } });
      expect(await store.responses.insert(projectId, user)).toBe(true);
      expect(await store.responses.insert(projectId, anonymous)).toBe(true);
      expect(await store.responses.get(projectId, 'nps', { userId: 'victim' }, 1)).toEqual(user);
      expect(await store.responses.get(projectId, 'nps', { anonymousId: 'victim' }, 1)).toEqual(anonymous);
      expect(await store.responses.update(projectId, anonymous, { ...anonymous, comment: 'hacked', updatedAt: at(1) })).toBe(true);
      expect((await store.responses.get(projectId, 'nps', { userId: 'victim' }, 1))?.comment).toBe('love it');
      expect(await store.responses.latest(projectId, 'nps', { anonymousId: 'nobody' })).toBeNull();
      expect((await store.responses.marks(projectId, { anonymousId: 'stranger' })).size).toBe(0);
      expect((await store.responses.marks(projectId, { userId: 'victim' })).get('nps')).toEqual([{ cycle: 1, answeredAt: at(0) }]);
    });

    withStore(
      "claim: a visitor's anonymous answers become the user's, one per cycle, only while the anonymous id is unlinked",
      async (store, projectId) => {
        await store.responses.insert(projectId, response({ userId: 'anon-a', anonymous: true, answer: { type: 'nps', score: 2 } }));
        await store.responses.insert(
          projectId,
          response({ surveyId: 'csat', userId: 'anon-a', anonymous: true, answer: { type: 'csat', score: 5 } }),
        );
        // The user already answered csat cycle 1 elsewhere: that answer stands, the anonymous duplicate goes.
        const own = response({ surveyId: 'csat', userId: 'u1', answer: { type: 'csat', score: 1 } });
        await store.responses.insert(projectId, own);
        expect(await store.responses.claim(projectId, 'anon-a', 'u1')).toBe(1);
        expect(await store.responses.get(projectId, 'nps', { userId: 'u1' }, 1)).toMatchObject({
          anonymous: false,
          answer: { type: 'nps', score: 2 },
        });
        expect(await store.responses.get(projectId, 'csat', { userId: 'u1' }, 1)).toEqual(own);
        expect(await store.responses.get(projectId, 'nps', { anonymousId: 'anon-a' }, 1)).toBeNull();
        expect(await store.responses.list(projectId, 'csat', { from: at(-1), to: at(10) })).toEqual([own]);

        // Once the anonymous id is linked, what it answers anonymously stays anonymous.
        await store.writeEvents([
          newEvent({ projectId, anonymousId: 'anon-b', type: 'identify', name: null, userId: 'u2', timestamp: T0 }),
        ]);
        await store.responses.insert(projectId, response({ userId: 'anon-b', anonymous: true }));
        expect(await store.responses.claim(projectId, 'anon-b', 'u2')).toBe(0);
        expect(await store.responses.get(projectId, 'nps', { anonymousId: 'anon-b' }, 1)).not.toBeNull();
        expect(await store.responses.get(projectId, 'nps', { userId: 'u2' }, 1)).toBeNull();
      },
    );

    withStore(
      "a claim racing the user's own answer for the same cycle never fails: exactly one user answer is kept",
      async (store, projectId) => {
        for (let round = 0; round < 20; round += 1) {
          const [anonymousId, userId] = [`anon-race-${round}`, `u-race-${round}`];
          await store.responses.insert(projectId, response({ userId: anonymousId, anonymous: true, answer: { type: 'nps', score: 2 } }));
          const [, inserted] = await Promise.all([
            store.responses.claim(projectId, anonymousId, userId),
            store.responses.insert(projectId, response({ userId, answer: { type: 'nps', score: 9 } })),
          ]);
          const kept = await store.responses.get(projectId, 'nps', { userId }, 1);
          // Whichever committed first stands; the other is skipped, never an error.
          expect(kept?.answer).toEqual(inserted ? { type: 'nps', score: 9 } : { type: 'nps', score: 2 });
          expect(await store.responses.get(projectId, 'nps', { anonymousId }, 1)).toBeNull();
        }
      },
    );

    withStore(
      'the first identify of an anonymous id brings its earlier anonymous answers to the user, in the same write',
      async (store, projectId) => {
        await store.responses.insert(projectId, response({ userId: 'anon-c', anonymous: true, answer: { type: 'nps', score: 1 } }));
        await store.writeEvents([
          newEvent({ projectId, anonymousId: 'anon-c', type: 'identify', name: null, userId: 'u3', timestamp: T0 }),
        ]);
        expect(await store.responses.get(projectId, 'nps', { userId: 'u3' }, 1)).toMatchObject({ answer: { type: 'nps', score: 1 } });
        expect((await store.responses.marks(projectId, { userId: 'u3' })).get('nps')).toHaveLength(1);
        expect(await store.responses.get(projectId, 'nps', { anonymousId: 'anon-c' }, 1)).toBeNull();
      },
    );

    withStore('records webhook attempts once each and reads them in order', async (store, projectId) => {
      const attempt = (n: number, outcome: 'retry' | 'delivered') => ({
        deliveryId: 'd1',
        url: 'https://hooks.test/a',
        attempt: n,
        at: at(n),
        status: outcome === 'retry' ? 503 : 204,
        error: outcome === 'retry' ? 'HTTP 503' : null,
        outcome,
        nextAttemptAt: outcome === 'retry' ? at(n + 1) : null,
      });
      await store.responses.recordAttempt(projectId, attempt(2, 'delivered'));
      await store.responses.recordAttempt(projectId, attempt(1, 'retry'));
      await store.responses.recordAttempt(projectId, attempt(1, 'retry'));
      expect(await store.responses.attempts(projectId, 'd1')).toEqual([attempt(1, 'retry'), attempt(2, 'delivered')]);
      expect(await store.responses.attempts(projectId, 'other')).toEqual([]);
    });
  });
}
