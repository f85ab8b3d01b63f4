import { describe, expect, it } from 'vitest';
import { T0 } from '../../test-support/events.js';
import type { StoredResponse } from '../../domain/survey/response.js';
import type { NewJob } from '../jobs/job-store.js';
import { storeTest, type OpenStore } from './harness.js';

const LEASE = 30_000;

/**
 * The durable job queue. The table is shared by every project, so each test claims only a kind of
 * its own (`test.<projectId>`): jobs other tests left behind are never its business.
 */
export function jobsConformance(open: OpenStore): void {
  const withStore = storeTest(open);
  const job = (kind: string, key: string, overrides: Partial<NewJob> = {}): NewJob => ({
    kind,
    key: `${kind}:${key}`,
    payload: { key, nested: { list: [1, 'two', null] } },
    runAt: T0,
    maxAttempts: 3,
    ...overrides,
  });

  describe('jobs', () => {
    withStore('enqueues once per key and keeps the payload whole', async (store, projectId) => {
      const kind = `test.${projectId}`;
      expect(await store.jobs.enqueue(job(kind, 'a'), T0 - 5)).toBe(true);
      expect(await store.jobs.enqueue(job(kind, 'a', { payload: { other: true }, runAt: T0 + 99 }), T0)).toBe(false);
      expect(await store.jobs.get(`${kind}:a`)).toEqual({
        id: expect.any(Number),
        kind,
        key: `${kind}:a`,
        payload: { key: 'a', nested: { list: [1, 'two', null] } },
        status: 'pending',
        runAt: T0,
        attempts: 0,
        maxAttempts: 3,
        claimedBy: null,
        leaseUntil: null,
        lastError: null,
        createdAt: T0 - 5,
        updatedAt: T0 - 5,
      });
      expect(await store.jobs.get(`${kind}:missing`)).toBeNull();
    });

    withStore('claims due jobs of the named kinds only, oldest first, up to the limit', async (store, projectId) => {
      const kind = `test.${projectId}`;
      const other = `test.other.${projectId}`;
      await store.jobs.enqueue(job(kind, 'late', { runAt: T0 + 10_000 }), T0);
      await store.jobs.enqueue(job(kind, 'second', { runAt: T0 - 1_000 }), T0);
      await store.jobs.enqueue(job(kind, 'first', { runAt: T0 - 2_000 }), T0);
      await store.jobs.enqueue(job(kind, 'third', { runAt: T0 }), T0);
      await store.jobs.enqueue(job(other, 'x'), T0);

      const claimed = await store.jobs.claim('worker-a', [kind], 2, T0, LEASE);
      expect(claimed.map((j) => [j.key, j.status, j.attempts, j.claimedBy, j.leaseUntil])).toEqual([
        [`${kind}:first`, 'running', 1, 'worker-a', T0 + LEASE],
        [`${kind}:second`, 'running', 1, 'worker-a', T0 + LEASE],
      ]);
      // Another claimant takes what is left and due; never a job already claimed.
      expect((await store.jobs.claim('worker-b', [kind], 10, T0, LEASE)).map((j) => j.key)).toEqual([`${kind}:third`]);
      expect(await store.jobs.claim('worker-b', [kind], 10, T0, LEASE)).toEqual([]);
      expect(await store.jobs.claim('worker-b', [], 10, T0, LEASE)).toEqual([]);
      expect((await store.jobs.claim('worker-b', [kind, other], 10, T0 + 10_000, LEASE)).map((j) => j.key)).toEqual([
        `${other}:x`,
        `${kind}:late`,
      ]);
    });

    withStore('completes a job only under the claim that holds it', async (store, projectId) => {
      const kind = `test.${projectId}`;
      await store.jobs.enqueue(job(kind, 'a'), T0);
      const [claimed] = await store.jobs.claim('worker-a', [kind], 1, T0, LEASE);
      const claim = { id: claimed!.id, claimedBy: 'worker-a', attempts: 1 };
      expect(await store.jobs.complete({ ...claim, claimedBy: 'worker-b' }, T0 + 1)).toBe(false);
      expect(await store.jobs.complete({ ...claim, attempts: 2 }, T0 + 1)).toBe(false);
      expect(await store.jobs.complete(claim, T0 + 2)).toBe(true);
      expect(await store.jobs.get(`${kind}:a`)).toMatchObject({ status: 'done', claimedBy: null, leaseUntil: null, updatedAt: T0 + 2 });
      expect(await store.jobs.complete(claim, T0 + 3)).toBe(false);
      expect(await store.jobs.claim('worker-a', [kind], 1, T0 + 10 * LEASE, LEASE)).toEqual([]);
      // A done job's key still stands: enqueueing it again adds nothing.
      expect(await store.jobs.enqueue(job(kind, 'a'), T0 + 4)).toBe(false);
    });

    withStore('retries later until the last attempt, then fails', async (store, projectId) => {
      const kind = `test.${projectId}`;
      await store.jobs.enqueue(job(kind, 'a', { maxAttempts: 2 }), T0);
      const [first] = await store.jobs.claim('w', [kind], 1, T0, LEASE);
      expect(await store.jobs.retryLater({ id: first!.id, claimedBy: 'w', attempts: 1 }, T0 + 5_000, 'HTTP 503', T0 + 10)).toBe('pending');
      expect(await store.jobs.get(`${kind}:a`)).toMatchObject({ status: 'pending', runAt: T0 + 5_000, attempts: 1, lastError: 'HTTP 503' });
      expect(await store.jobs.claim('w', [kind], 1, T0 + 4_999, LEASE)).toEqual([]);
      const [second] = await store.jobs.claim('w', [kind], 1, T0 + 5_000, LEASE);
      expect(second).toMatchObject({ attempts: 2, lastError: 'HTTP 503' });
      expect(await store.jobs.retryLater({ id: second!.id, claimedBy: 'w', attempts: 2 }, T0 + 9_000, 'HTTP 502', T0 + 5_010)).toBe(
        'failed',
      );
      expect(await store.jobs.get(`${kind}:a`)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'HTTP 502' });
      expect(await store.jobs.claim('w', [kind], 1, T0 + 60_000, LEASE)).toEqual([]);
      expect(await store.jobs.retryLater({ id: second!.id, claimedBy: 'w', attempts: 2 }, T0, 'late', T0)).toBeNull();
    });

    withStore('fails a job for good at once', async (store, projectId) => {
      const kind = `test.${projectId}`;
      await store.jobs.enqueue(job(kind, 'a', { maxAttempts: 5 }), T0);
      const [claimed] = await store.jobs.claim('w', [kind], 1, T0, LEASE);
      expect(await store.jobs.fail({ id: claimed!.id, claimedBy: 'w', attempts: 1 }, 'HTTP 410', T0 + 1)).toBe(true);
      expect(await store.jobs.get(`${kind}:a`)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 410' });
      expect(await store.jobs.claim('w', [kind], 1, T0 + 60_000, LEASE)).toEqual([]);
    });

    withStore('enqueues or restarts: a new key is added, a failed job starts over, any other is left alone', async (store, projectId) => {
      const kind = `test.${projectId}`;
      const again = job(kind, 'a', { payload: { again: true }, runAt: T0 + 50, maxAttempts: 4 });
      expect(await store.jobs.enqueueOrRestart(job(kind, 'a', { maxAttempts: 1 }), T0)).toBe('added');
      expect(await store.jobs.enqueueOrRestart(again, T0 + 1)).toBeNull();
      const [running] = await store.jobs.claim('w', [kind], 1, T0, LEASE);
      expect(await store.jobs.enqueueOrRestart(again, T0 + 2)).toBeNull();
      expect(await store.jobs.retryLater({ id: running!.id, claimedBy: 'w', attempts: 1 }, T0 + 5_000, 'HTTP 503', T0 + 3)).toBe('failed');

      expect(await store.jobs.enqueueOrRestart(again, T0 + 10)).toBe('restarted');
      expect(await store.jobs.get(`${kind}:a`)).toEqual({
        id: running!.id,
        kind,
        key: `${kind}:a`,
        payload: { again: true },
        status: 'pending',
        runAt: T0 + 50,
        attempts: 0,
        maxAttempts: 4,
        claimedBy: null,
        leaseUntil: null,
        lastError: 'HTTP 503',
        createdAt: T0,
        updatedAt: T0 + 10,
      });
      const [rerun] = await store.jobs.claim('w', [kind], 1, T0 + 50, LEASE);
      expect(rerun).toMatchObject({ id: running!.id, attempts: 1 });
      expect(await store.jobs.complete({ id: rerun!.id, claimedBy: 'w', attempts: 1 }, T0 + 60)).toBe(true);
      // A done job's key still stands.
      expect(await store.jobs.enqueueOrRestart(again, T0 + 70)).toBeNull();
      expect(await store.jobs.get(`${kind}:a`)).toMatchObject({ status: 'done', updatedAt: T0 + 60 });
    });

    withStore('reclaims a job whose lease ended (its claimant died), and gives it up after the last attempt', async (store, projectId) => {
      const kind = `test.${projectId}`;
      await store.jobs.enqueue(job(kind, 'a', { maxAttempts: 2 }), T0);
      const [dead] = await store.jobs.claim('crashed', [kind], 1, T0, LEASE);
      expect(await store.jobs.claim('survivor', [kind], 1, T0 + LEASE - 1, LEASE)).toEqual([]);
      const [again] = await store.jobs.claim('survivor', [kind], 1, T0 + LEASE, LEASE);
      expect(again).toMatchObject({ id: dead!.id, claimedBy: 'survivor', attempts: 2, leaseUntil: T0 + 2 * LEASE });
      // The first claimant, back from a long pause, no longer owns it.
      expect(await store.jobs.complete({ id: dead!.id, claimedBy: 'crashed', attempts: 1 }, T0 + LEASE + 1)).toBe(false);
      // The survivor dies too, on the last allowed attempt: nobody runs it a third time.
      expect(await store.jobs.claim('third', [kind], 1, T0 + 2 * LEASE, LEASE)).toEqual([]);
      expect(await store.jobs.get(`${kind}:a`)).toMatchObject({
        status: 'failed',
        attempts: 2,
        claimedBy: null,
        lastError: expect.stringContaining('lease ended'),
      });
    });

    withStore('reports the due backlog and purges finished jobs', async (store, projectId) => {
      const kind = `test.${projectId}`;
      const before = await store.jobs.backlog(T0 - 600_000);
      await store.jobs.enqueue(job(kind, 'a', { runAt: T0 - 600_000 }), T0);
      await store.jobs.enqueue(job(kind, 'b', { runAt: T0 + 600_000 }), T0);
      const after = await store.jobs.backlog(T0 - 600_000);
      expect(after.due).toBe(before.due + 1);
      expect(after.oldestDueAt).toBeLessThanOrEqual(T0 - 600_000);
      const [a] = await store.jobs.claim('w', [kind], 1, T0, LEASE);
      await store.jobs.complete({ id: a!.id, claimedBy: 'w', attempts: 1 }, T0 + 1);
      expect(await store.jobs.purge(T0 + 1, 100)).toBe(0);
      expect(await store.jobs.purge(T0 + 2, 100)).toBeGreaterThanOrEqual(1);
      expect(await store.jobs.get(`${kind}:a`)).toBeNull();
      expect(await store.jobs.get(`${kind}:b`)).toMatchObject({ status: 'pending' });
    });

    it('gives two stores on one database disjoint claims, and keeps jobs across reopening', async () => {
      const kind = `test.concurrent.${Math.random().toString(36).slice(2)}`;
      const [a, b] = [await open(), await open()];
      try {
        for (let i = 0; i < 40; i++) await a.jobs.enqueue(job(kind, `j${i}`), T0);
        const claims = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).jobs.claim(`worker-${i}`, [kind], 7, T0, LEASE)),
        );
        const keys = claims.flat().map((j) => j.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.length).toBe(40);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
      const reopened = await open();
      try {
        expect(await reopened.jobs.get(`${kind}:j0`)).toMatchObject({ status: 'running', attempts: 1 });
      } finally {
        await reopened.close();
      }
    });
  });

  describe('jobs enqueued with the change that causes them', () => {
    const response: StoredResponse = {
      surveyId: 'nps',
      userId: 'u1',
      anonymous: false,
      cycle: 1,
      answer: { type: 'nps', score: 3 },
      comment: null,
      traits: {},
      locale: null,
      answeredAt: new Date(T0),
      updatedAt: new Date(T0),
    };
    /** A job the store refuses (no kind): the write fails after the change itself was made. */
    const unstorable = (kind: string, key: string) => job(null as unknown as string, `${kind}:${key}`);

    withStore('a survey response commits with its webhook jobs, or neither does', async (store, projectId) => {
      const kind = `test.${projectId}`;
      await expect(store.responses.insert(projectId, response, [job(kind, 'fine'), unstorable(kind, 'broken')])).rejects.toThrow();
      expect(await store.responses.get(projectId, 'nps', { userId: 'u1' }, 1)).toBeNull();
      expect(await store.jobs.get(`${kind}:fine`)).toBeNull();

      expect(await store.responses.insert(projectId, response, [job(kind, 'created')])).toBe(true);
      expect(await store.jobs.get(`${kind}:created`)).toMatchObject({ status: 'pending' });
      // A duplicate insert writes no row, so it enqueues nothing either.
      expect(await store.responses.insert(projectId, response, [job(kind, 'duplicate')])).toBe(false);
      expect(await store.jobs.get(`${kind}:duplicate`)).toBeNull();

      const commented = { ...response, comment: 'Exports time out', updatedAt: new Date(T0 + 1) };
      await expect(store.responses.update(projectId, response, commented, [unstorable(kind, 'broken')])).rejects.toThrow();
      expect((await store.responses.get(projectId, 'nps', { userId: 'u1' }, 1))?.comment).toBeNull();
      expect(await store.responses.update(projectId, response, commented, [job(kind, 'updated')])).toBe(true);
      expect(await store.jobs.get(`${kind}:updated`)).toMatchObject({ status: 'pending' });
      // A lost compare-and-set changes nothing and enqueues nothing.
      expect(await store.responses.update(projectId, response, commented, [job(kind, 'stale')])).toBe(false);
      expect(await store.jobs.get(`${kind}:stale`)).toBeNull();
    });

    withStore('a redemption commits with its fulfilment job, or neither does', async (store, projectId) => {
      const kind = `test.${projectId}`;
      await store.rewards.append({ projectId, id: 'grant', userId: 'u1', amount: 100, reason: 'Welcome', ruleId: null, at: T0 });
      const request = { projectId, id: 'r1', userId: 'u1', item: { id: 'mug', cost: 30 }, at: T0 + 1 };
      await expect(
        store.rewards.redeem(request, () => {
          throw new Error('the process stopped before the job was written');
        }),
      ).rejects.toThrow('the process stopped');
      expect(await store.rewards.redemptions(projectId, 'u1')).toEqual([]);
      expect((await store.rewards.balance(projectId, 'u1')).balance).toBe(100);

      const created = await store.rewards.redeem(request, (redemption) => [job(kind, redemption.id, { payload: { redemption } })]);
      expect(created.status).toBe('created');
      expect(await store.jobs.get(`${kind}:r1`)).toMatchObject({
        status: 'pending',
        payload: { redemption: { id: 'r1', status: 'pending' } },
      });
      // The same request again is a duplicate: its jobs are not asked for.
      const again = await store.rewards.redeem(request, () => {
        throw new Error('a duplicate must not enqueue');
      });
      expect(again.status).toBe('duplicate');
    });
  });
}
