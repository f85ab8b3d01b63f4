import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollector } from './server.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { nextMessageId } from './test-support/events.js';
import { PUBLIC_KEY, SECRET, testConfig } from './test-support/http.js';
import { kpiReadersOf } from './test-support/kpi-readers.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startCollector', () => {
  it('serves on a random port and finishes an in-flight request before closing', async () => {
    const collector = await startCollector({ config: testConfig({ allowedOrigins: ['*'] }), port: 0, sqliteFile: join(dir, 's.sqlite') });
    expect(collector.port).toBeGreaterThan(0);
    expect(await (await fetch(`${collector.url}/healthz`)).json()).toMatchObject({ ok: true, store: 'sqlite' });

    // Send half the body, start closing, then send the rest: the request must still succeed.
    const messageId = nextMessageId();
    const json = JSON.stringify({
      sentAt: new Date().toISOString(),
      events: [{ messageId, anonymousId: 'a', type: 'track', name: 'n', timestamp: new Date().toISOString() }],
    });
    let finish!: () => void;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(json.slice(0, 20)));
        await new Promise<void>((resolve) => (finish = resolve));
        controller.enqueue(new TextEncoder().encode(json.slice(20)));
        controller.close();
      },
    });
    const inFlight = fetch(`${collector.url}/v1/batch?key=${PUBLIC_KEY}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the request reach the server
    const closed = collector.close();
    finish();
    const res = await inFlight;
    expect(res.status).toBe(200);
    await closed;
    await expect(fetch(`${collector.url}/healthz`)).rejects.toThrow();
  });

  it('warns at start for each project that opts out of identity verification, and only for those', async () => {
    const warnings: string[] = [];
    const [secure] = testConfig().projects;
    const optedOut = { ...secure!, id: 'legacy', publicKey: 'pk_test_legacy_public', identityVerification: { enforce: false } };
    const collector = await startCollector({
      config: { projects: [secure!, optedOut] },
      port: 0,
      sqliteFile: join(dir, 'w.sqlite'),
      warn: (message) => warnings.push(message),
    });
    await collector.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/project legacy opts out of identity verification/);
  });

  it('starts the SQLite KPI reader with the store: /readyz answers 503 until it is up, and the first KPI read forks nothing', async () => {
    const collector = await startCollector({ config: testConfig(), port: 0, sqliteFile: join(dir, 'r.sqlite') });
    try {
      // Started with the store, before the server listened.
      const readers = kpiReadersOf(process.pid);
      expect(readers).toHaveLength(1);
      const answers: string[] = [];
      for (;;) {
        const res = await fetch(`${collector.url}/readyz`);
        const body = (await res.json()) as { ready: boolean; reason: string | null };
        const answer = `${res.status} ${body.reason ?? 'ready'}`;
        if (answers.at(-1) !== answer) answers.push(answer);
        if (body.ready) break;
        await sleep(20);
      }
      // Whether a request came early enough to see it starting depends on the machine: whatever it
      // saw is "starting" answers, then ready.
      expect(answers.at(-1)).toBe('200 ready');
      expect(answers.slice(0, -1)).toEqual(answers.length > 1 ? ['503 the SQLite KPI reader process is starting'] : []);
      const kpi = await fetch(`${collector.url}/v1/admin/kpi/active-users`, { headers: { Authorization: `Bearer ${SECRET}` } });
      expect(kpi.status).toBe(200);
      expect(kpiReadersOf(process.pid)).toEqual(readers);
    } finally {
      await collector.close();
    }
    expect(kpiReadersOf(process.pid)).toEqual([]);
  });
});
