import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openPostgresStore } from './storage/postgres/postgres-store.js';
import { exited, spawnCollector } from './test-support/child-collector.js';
import { nextMessageId } from './test-support/events.js';
import { PUBLIC_KEY, SECRET, pageToken, testConfig } from './test-support/http.js';
import { scratchDatabase } from './test-support/postgres-database.js';
import { PROGRAM } from './test-support/rewards-test-app.js';
import { npsInput } from './test-support/surveys.js';

/*
 * Three collectors on one PostgreSQL behind a round-robin proxy written here, one of them killed
 * with SIGKILL half-way. (An integration test with child processes and HTTP, not a browser: the
 * browser-driven demo runs against one collector in demo/e2e.)
 */

const dir = mkdtempSync(join(tmpdir(), 'hearth-multi-'));
const scratch = scratchDatabase('hearth_multi');
beforeAll(scratch.create);
afterAll(async () => {
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A receiver that counts deliveries by `Hearth-Delivery`, as receivers are told to de-duplicate. */
async function receiver() {
  const deliveries: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      deliveries.push(String(req.headers['hearth-delivery']));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => void server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, deliveries };
}

/** Round-robin over `upstreams`; a request an upstream refuses at connect goes to the next one. */
async function roundRobinProxy(upstreams: string[]) {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name, value]) => typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name),
        ),
      ) as Record<string, string>;
      for (let tries = 0; tries < upstreams.length; tries++) {
        const upstream = upstreams[next++ % upstreams.length]!;
        try {
          const answer = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body });
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
          res.end(Buffer.from(await answer.arrayBuffer()));
          return;
        } catch {
          // That instance is gone: the next one takes the request.
        }
      }
      res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => void server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Sends until answered 2xx, the way the widget's outbox does: the same body (the same messageIds) every time. */
async function sendUntilAccepted(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, init).catch(() => null);
    if (res && res.status < 300) return res;
    await res?.body?.cancel();
    if (attempt > 20) throw new Error(`${url}: still failing (${res?.status ?? 'no answer'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('three collectors on one PostgreSQL behind a round-robin proxy', () => {
  it('stores events once, sends each webhook once and redeems once, with one collector killed half-way', { timeout: 120_000 }, async () => {
    const surveyHook = await receiver();
    const fulfilmentHook = await receiver();
    const configPath = join(dir, 'hearth.config.json');
    writeFileSync(
      configPath,
      JSON.stringify(
        testConfig(
          {
            allowedOrigins: ['*'],
            prompts: [npsInput()],
            webhooks: [{ url: surveyHook.url, secrets: [SECRET] }],
            rewards: { ...PROGRAM, fulfilmentWebhookUrl: fulfilmentHook.url },
            allowPrivateWebhookTargets: true,
          },
          { rateLimit: { perClientPerSecond: 100_000, perProjectPerSecond: 100_000 } },
        ),
      ),
    );
    const start = () => spawnCollector(['--config', configPath], { DATABASE_URL: scratch.url });
    const collectors = await Promise.all([start(), start(), start()]);
    onTestFinished(async () => {
      for (const { child } of collectors) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.all(collectors.map(({ child }) => exited(child)));
    });
    const proxy = await roundRobinProxy(collectors.map((c) => c.url));

    // The checklist's events, in batches of 20, from one signed-in user.
    const token = await pageToken('ada');
    const sent: string[] = [];
    for (let b = 0; b < 12; b++) {
      if (b === 6) {
        collectors[1]!.child.kill('SIGKILL');
        expect((await exited(collectors[1]!.child)).signal).toBe('SIGKILL');
      }
      const sentAt = new Date().toISOString();
      const events = Array.from({ length: 20 }, (_, i) => ({
        messageId: nextMessageId(),
        anonymousId: 'anon-ada',
        userId: 'ada',
        type: 'track',
        name: i % 2 ? 'project_created' : 'report_exported',
        timestamp: sentAt,
      }));
      sent.push(...events.map((e) => e.messageId));
      const body = JSON.stringify({ sentAt, userToken: token, events });
      await sendUntilAccepted(`${proxy}/v1/batch?key=${PUBLIC_KEY}`, { method: 'POST', body });
      // A batch re-sent after a lost acknowledgement stores nothing twice.
      if (b % 4 === 0) await sendUntilAccepted(`${proxy}/v1/batch?key=${PUBLIC_KEY}`, { method: 'POST', body });
    }

    // An NPS detractor answer (its webhook), sent twice as a retrying widget would.
    const answer = JSON.stringify({
      surveyId: 'nps',
      cycle: 1,
      anonymousId: 'anon-ada',
      userId: 'ada',
      userToken: token,
      answer: { type: 'nps', score: 3 },
    });
    for (let i = 0; i < 2; i++) await sendUntilAccepted(`${proxy}/v1/responses?key=${PUBLIC_KEY}`, { method: 'POST', body: answer });

    // Points from the backend, then one redemption confirmed twice (the same requestId).
    const server = { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' };
    await sendUntilAccepted(`${proxy}/v1/server/points`, {
      method: 'POST',
      headers: server,
      body: JSON.stringify({ idempotencyKey: 'grant-ada', userId: 'ada', amount: 200, reason: 'Welcome' }),
    });
    const redeem = JSON.stringify({ userId: 'ada', userToken: token, itemId: 'tee', requestId: 'redeem-ada-1' });
    const redeemed = await Promise.all(
      [0, 1].map(() => sendUntilAccepted(`${proxy}/v1/rewards/redeem?key=${PUBLIC_KEY}`, { method: 'POST', body: redeem })),
    );
    expect((await Promise.all(redeemed.map((r) => r.json()))).map((r) => (r as { status: string }).status).sort()).toEqual([
      'created',
      'duplicate',
    ]);

    await expect.poll(() => surveyHook.deliveries.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => fulfilmentHook.deliveries.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const store = await openPostgresStore(scratch.url);
    try {
      const stored = await store.listEvents('acme');
      expect(stored.map((e) => e.messageId).sort()).toEqual([...sent].sort());
      expect((await store.rewards.balance('acme', 'ada')).balance).toBe(200 - 80);
    } finally {
      await store.close();
    }
    expect(surveyHook.deliveries).toHaveLength(1);
    expect(fulfilmentHook.deliveries).toEqual(['redeem-ada-1']);
  });

  // Console sign-out applying on every collector comes with console sessions kept in the database.
  it.todo('revokes a console session on every collector when it signs out on one');
});
