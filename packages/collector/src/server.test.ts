import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollector } from './server.js';
import { nextMessageId } from './test-support/events.js';
import { PUBLIC_KEY, testConfig } from './test-support/http.js';

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
});
