import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@hearth/node';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseConfig } from '../config.js';
import type { StoredRedemption } from '../domain/rewards/ledger.js';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import type { Store } from '../storage/store.js';
import { NOW, SECRET, testConfig } from '../test-support/http.js';
import { PROGRAM } from '../test-support/rewards-test-app.js';
import { JobWorker } from './job-worker.js';
import { ProjectRegistry } from './project-registry.js';
import { createWebhookJobs, FULFILMENT_WEBHOOK_JOB, type WebhookJobs } from './webhook-jobs.js';

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

/** A real receiver answering with `replies` in turn (then 204), keeping each request's headers. */
async function receiver(replies: Reply[]) {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      (replies[received.length - 1] ?? ((_, r) => r.writeHead(204).end()))(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => void server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fulfil`, received };
}

const status =
  (code: number, headers: Record<string, string> = {}): Reply =>
  (_, res) =>
    res.writeHead(code, headers).end();

function setup(url: string) {
  const store = openSqliteStore(':memory:');
  onTestFinished(() => store.close());
  const clock = { now: NOW };
  const config = parseConfig(testConfig({ rewards: { ...PROGRAM, fulfilmentWebhookUrl: url }, allowPrivateWebhookTargets: true }));
  const projects = new ProjectRegistry(config.projects);
  const worker = new JobWorker({ jobs: store.jobs, clock: () => clock.now, random: () => 0.5, log: () => undefined });
  const webhooks = createWebhookJobs(worker, { projects, responses: store.responses, clock: () => clock.now });
  return { store, clock, projects, worker, webhooks };
}

/** As the redemption's transaction does: its fulfilment job is stored, then the worker woken. */
async function enqueueRedemption(webhooks: WebhookJobs, store: Store) {
  for (const job of webhooks.redemptionJobs('acme', redemption)) await store.jobs.enqueue(job, NOW);
  webhooks.committed();
}

const redemption: StoredRedemption = {
  id: 'redeem-42',
  userId: 'ada',
  itemId: 'sticker',
  cost: 50,
  status: 'pending',
  createdAt: new Date(NOW).toISOString(),
  settledAt: null,
  failureReason: null,
};

describe('webhooks as durable jobs', () => {
  it('retries from the store with back-off and Retry-After, under one delivery id, until delivered', async () => {
    const hook = await receiver([status(500), status(503, { 'retry-after': '7' })]);
    const { store, clock, worker, webhooks } = setup(hook.url);
    await enqueueRedemption(webhooks, store);
    await worker.runDue();
    expect(hook.received).toHaveLength(1);
    const key = `${FULFILMENT_WEBHOOK_JOB}:acme:redeem-42`;
    // Full jitter at 0.5 of the first ceiling (1 s): due again 500 ms later, not before.
    expect(await store.jobs.get(key)).toMatchObject({ status: 'pending', attempts: 1, runAt: NOW + 500, lastError: 'HTTP 500' });
    await worker.runDue();
    expect(hook.received).toHaveLength(1);

    clock.now = NOW + 500;
    await worker.runDue();
    expect(await store.jobs.get(key)).toMatchObject({ status: 'pending', attempts: 2, runAt: NOW + 7_500 });
    clock.now = NOW + 7_500;
    await worker.runDue();
    expect(await store.jobs.get(key)).toMatchObject({ status: 'done', attempts: 3, lastError: null });

    expect(hook.received.map((r) => r.headers['hearth-delivery'])).toEqual(['redeem-42', 'redeem-42', 'redeem-42']);
    const { body, headers } = hook.received[2]!;
    expect(verifyWebhook({ body, header: headers['hearth-signature'] as string, secrets: [SECRET] }).ok).toBe(true);
    expect(JSON.parse(body)).toMatchObject({ type: 'redemption.created', projectId: 'acme', redemption: { id: 'redeem-42' } });
    expect((await store.responses.attempts('acme', 'redeem-42')).map((a) => [a.attempt, a.status, a.outcome, a.nextAttemptAt])).toEqual([
      [1, 500, 'retry', new Date(NOW + 500)],
      [2, 503, 'retry', new Date(NOW + 7_500)],
      [3, 204, 'delivered', null],
    ]);
    // The same redemption enqueued again (a retried request) is the same job: nothing more is sent.
    await enqueueRedemption(webhooks, store);
    await worker.runDue();
    expect(hook.received).toHaveLength(3);
  });

  it('gives up after the last attempt, and at once on a final answer', async () => {
    const hook = await receiver([status(500), status(500), status(500), status(500)]);
    const { store, clock, worker, webhooks } = setup(hook.url);
    await enqueueRedemption(webhooks, store);
    for (let i = 0; i < 4; i++) {
      await worker.runDue();
      clock.now += 60_000;
    }
    expect(await store.jobs.get(`${FULFILMENT_WEBHOOK_JOB}:acme:redeem-42`)).toMatchObject({ status: 'failed', attempts: 4 });
    expect((await store.responses.attempts('acme', 'redeem-42')).map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'failed']);

    const refusing = await receiver([status(410)]);
    const second = setup(refusing.url);
    await enqueueRedemption(second.webhooks, second.store);
    await second.worker.runDue();
    second.clock.now += 3_600_000;
    await second.worker.runDue();
    expect(refusing.received).toHaveLength(1);
    expect(await second.store.jobs.get(`${FULFILMENT_WEBHOOK_JOB}:acme:redeem-42`)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('HTTP 410'),
    });
  });

  it('stops only after the delivery in flight has finished', async () => {
    let release = () => {};
    const order: string[] = [];
    const hook = await receiver([
      (_, res) => {
        order.push('received');
        release = () => {
          order.push('answered');
          res.writeHead(204).end();
        };
      },
    ]);
    const { store, worker, webhooks } = setup(hook.url);
    await enqueueRedemption(webhooks, store);
    await expect.poll(() => hook.received.length).toBe(1);
    const stopped = worker.stop().then(() => order.push('stopped'));
    release();
    await stopped;
    expect(order).toEqual(['received', 'answered', 'stopped']);
    expect(await store.jobs.get(`${FULFILMENT_WEBHOOK_JOB}:acme:redeem-42`)).toMatchObject({ status: 'done' });
  });
});

describe('scheduled jobs', () => {
  it('run once per period however many workers share the queue', async () => {
    const store = openSqliteStore(':memory:');
    onTestFinished(() => store.close());
    const runs: number[] = [];
    const workers = [1, 2, 3].map(() =>
      new JobWorker({ jobs: store.jobs, clock: () => NOW, log: () => undefined })
        .register({
          kind: 'test.tick',
          maxAttempts: 1,
          backoff: { baseMs: 1, maxMs: 1 },
          run: async (job) => void runs.push(job.payload.period as number),
        })
        .schedule({ kind: 'test.tick', everyMs: 3_600_000 }),
    );
    for (const worker of workers) worker.start();
    const hour = Math.floor(NOW / 3_600_000) * 3_600_000;
    await expect.poll(async () => (await store.jobs.get(`test.tick:${new Date(hour).toISOString()}`))?.status).toBe('done');
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(runs).toEqual([hour]);
  });
});
