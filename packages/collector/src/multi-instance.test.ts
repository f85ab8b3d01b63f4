import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openPostgresStore } from './storage/postgres/postgres-store.js';
import { exited, spawnCollector } from './test-support/child-collector.js';
import { nextMessageId } from './test-support/events.js';
import { OWNER_EMAIL } from './test-support/console.js';
import { PUBLIC_KEY, SECRET, pageToken, testConfig } from './test-support/http.js';
import { scratchDatabase } from './test-support/postgres-database.js';
import { PROGRAM } from './test-support/rewards-test-app.js';
import { startRoundRobinProxy } from './test-support/round-robin-proxy.js';
import { npsInput } from './test-support/surveys.js';
import { webhookReceiver } from './test-support/webhook-receiver.js';

/*
 * Three collectors on one PostgreSQL behind a round-robin proxy, one of them killed with SIGKILL
 * half-way. (An integration test with child processes and HTTP; demo/e2e/multi-instance.spec.ts
 * drives the demo app through the same topology in a browser.)
 */

const dir = mkdtempSync(join(tmpdir(), 'hearth-multi-'));
const scratch = scratchDatabase('hearth_multi');
beforeAll(scratch.create);
afterAll(async () => {
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

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

/** Three `hearth-collector start` processes on the scratch database, stopped when the test finishes. */
async function threeCollectors(configPath: string, env: Record<string, string> = {}) {
  const start = () => spawnCollector(['--config', configPath], { DATABASE_URL: scratch.url, ...env });
  const collectors = await Promise.all([start(), start(), start()]);
  onTestFinished(async () => {
    for (const { child } of collectors) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(collectors.map(({ child }) => exited(child)));
  });
  const proxy = await startRoundRobinProxy(collectors.map((c) => c.url));
  onTestFinished(proxy.close);
  return { collectors, proxy: proxy.url };
}

/** The webhook receiver, closed when the test finishes; `deliveries()` lists the `Hearth-Delivery` ids it received. */
async function receiver() {
  const hook = await webhookReceiver();
  onTestFinished(() => void hook.close());
  return { url: hook.url, deliveries: () => hook.received.map((request) => String(request.headers['hearth-delivery'])) };
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
    const { collectors, proxy } = await threeCollectors(configPath);

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

    await expect.poll(() => surveyHook.deliveries().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => fulfilmentHook.deliveries().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const store = await openPostgresStore(scratch.url);
    try {
      const stored = await store.listEvents('acme');
      expect(stored.map((e) => e.messageId).sort()).toEqual([...sent].sort());
      expect((await store.rewards.balance('acme', 'ada')).balance).toBe(200 - 80);
    } finally {
      await store.close();
    }
    expect(surveyHook.deliveries()).toHaveLength(1);
    expect(fulfilmentHook.deliveries()).toEqual(['redeem-ada-1']);
  });

  it('revokes a console session on every collector when it signs out through one', { timeout: 60_000 }, async () => {
    const password = 'multi-instance-owner';
    const configPath = join(dir, 'console.config.json');
    writeFileSync(configPath, JSON.stringify(testConfig()));
    const { collectors, proxy } = await threeCollectors(configPath, { HEARTH_ADMIN_PASSWORD: password });
    const signIn = await fetch(`${proxy}/v1/admin/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OWNER_EMAIL, password }),
    });
    expect(signIn.status).toBe(201);
    const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const statusOn = async (collector: string, path: string) => {
      const res = await fetch(`${collector}${path}`, { headers: { Cookie: cookie } });
      await res.body?.cancel();
      return res.status;
    };
    // The session started through the proxy is good on each collector, whichever created it.
    for (const { url } of collectors) {
      expect(await statusOn(url, '/v1/admin/session')).toBe(200);
      expect(await statusOn(url, '/v1/admin/prompts')).toBe(200);
    }

    const signOut = await fetch(`${proxy}/v1/admin/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-Hearth-CSRF': csrfToken } });
    expect(signOut.status).toBe(204);
    // From the next request on, the old cookie is refused everywhere, not only where it signed out.
    for (const { url } of collectors) {
      expect(await statusOn(url, '/v1/admin/session')).toBe(401);
      expect(await statusOn(url, '/v1/admin/prompts')).toBe(401);
    }
  });
});
