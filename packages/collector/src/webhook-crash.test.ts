import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SURVEY_WEBHOOK_JOB } from './services/webhook-jobs.js';
import { openStore } from './storage/open-store.js';
import { exited, spawnCollector } from './test-support/child-collector.js';
import { PUBLIC_KEY, SECRET, pageToken, testConfig } from './test-support/http.js';
import { scratchDatabase } from './test-support/postgres-database.js';
import { npsInput } from './test-support/surveys.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-webhook-crash-'));
const scratch = scratchDatabase('hearth_webhook_crash');
beforeAll(scratch.create);
afterAll(async () => {
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A receiver that de-duplicates on `Hearth-Delivery`, as receivers are told to: the first request
 * answers 503 with `Retry-After: 1`, every later one 204.
 */
async function flakyReceiver() {
  const requests: { delivery: string; status: number }[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const status = requests.length === 0 ? 503 : 204;
      requests.push({ delivery: String(req.headers['hearth-delivery']), status });
      res.writeHead(status, status === 503 ? { 'retry-after': '1' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => void server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, requests };
}

describe.each(['sqlite', 'postgres'] as const)('a pending webhook retry when the collector is killed (%s)', (kind) => {
  it('is delivered exactly once by the collectors that come up after a SIGKILL', { timeout: 60_000 }, async () => {
    const hook = await flakyReceiver();
    const configPath = join(dir, `${kind}.config.json`);
    writeFileSync(
      configPath,
      JSON.stringify(
        testConfig({
          allowedOrigins: ['*'],
          prompts: [npsInput()],
          webhooks: [{ url: hook.url, secrets: [SECRET] }],
          allowPrivateWebhookTargets: true,
        }),
      ),
    );
    const sqliteFile = join(dir, `${kind}.sqlite`);
    const start = () =>
      kind === 'sqlite'
        ? spawnCollector(['--config', configPath, '--sqlite', sqliteFile])
        : spawnCollector(['--config', configPath], { DATABASE_URL: scratch.url });

    const readJob = async (key: string) => {
      const store = await (kind === 'sqlite' ? openStore({ sqliteFile }) : openStore({ databaseUrl: scratch.url }));
      try {
        return await store.jobs.get(key);
      } finally {
        await store.close();
      }
    };

    const first = await start();
    const answer = await fetch(`${first.url}/v1/responses?key=${PUBLIC_KEY}`, {
      method: 'POST',
      body: JSON.stringify({
        surveyId: 'nps',
        cycle: 1,
        anonymousId: 'anon-max',
        userId: 'max',
        userToken: await pageToken('max'),
        answer: { type: 'nps', score: 2 },
      }),
    });
    expect(answer.status).toBe(200);
    // The first attempt got 503; its retry waits (as a row in the store) when the process dies.
    await expect.poll(() => hook.requests.length, { timeout: 10_000 }).toBe(1);
    const jobKey = `${SURVEY_WEBHOOK_JOB}:acme:${hook.requests[0]!.delivery}:${hook.url}`;
    await expect.poll(async () => (await readJob(jobKey))?.status, { timeout: 10_000 }).toBe('pending');
    first.child.kill('SIGKILL');
    expect((await exited(first.child)).signal).toBe('SIGKILL');
    expect(hook.requests).toHaveLength(1);

    // Two collectors come up on the same store (a restart, and another instance): one sends it.
    const survivors = await Promise.all([start(), start()]);
    onTestFinished(async () => {
      for (const { child } of survivors) child.kill('SIGTERM');
      await Promise.all(survivors.map(({ child }) => exited(child)));
    });
    await expect.poll(() => hook.requests.length, { timeout: 15_000 }).toBe(2);
    await expect.poll(async () => (await readJob(jobKey))?.status, { timeout: 10_000 }).toBe('done');
    const store = await (kind === 'sqlite' ? openStore({ sqliteFile }) : openStore({ databaseUrl: scratch.url }));
    try {
      const [delivery] = hook.requests.map((r) => r.delivery);
      expect(hook.requests).toEqual([
        { delivery, status: 503 },
        { delivery, status: 204 },
      ]);
      const attempts = await store.responses.attempts('acme', delivery!);
      expect(attempts.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
        [1, 503, 'retry'],
        [2, 204, 'delivered'],
      ]);
    } finally {
      await store.close();
    }
    // Settled: the job is done, so no instance sends it again.
    for (const { child } of survivors) child.kill('SIGTERM');
    await Promise.all(survivors.map(({ child }) => exited(child)));
    expect(hook.requests).toHaveLength(2);
  });
});
