import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollector } from './server.js';
import { PUBLIC_KEY, testConfig } from './test-support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-proxy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two requests of burst per client; the project's budget is large. */
const rateLimit = { perClientPerSecond: 1, perProjectPerSecond: 10_000, burstSeconds: 2 };

async function statuses(trustedProxy: Record<string, unknown> | undefined, forwardedFor: string[]) {
  const collector = await startCollector({
    config: testConfig({ allowedOrigins: ['*'] }, { rateLimit, ...(trustedProxy ? { trustedProxy } : {}) }),
    port: 0,
    sqliteFile: join(dir, `${Math.random()}.sqlite`),
  });
  try {
    const result: number[] = [];
    for (const xff of forwardedFor) {
      const res = await fetch(`${collector.url}/v1/state?key=${PUBLIC_KEY}&anonymousId=a`, { headers: { 'X-Forwarded-For': xff } });
      await res.body?.cancel();
      result.push(res.status);
    }
    return result;
  } finally {
    await collector.close();
  }
}

describe('X-Forwarded-For over real HTTP', () => {
  it('is ignored by default: a forged header does not buy a fresh bucket', async () => {
    expect(await statuses(undefined, ['198.51.100.1', '198.51.100.2', '198.51.100.3'])).toEqual([200, 200, 429]);
  });

  it('gives each browser behind a trusted proxy its own bucket', async () => {
    const browsers = ['198.51.100.1', '198.51.100.1', '198.51.100.1', '198.51.100.2', '198.51.100.2'];
    expect(await statuses({ hops: 1 }, browsers)).toEqual([200, 200, 429, 200, 200]);
    expect(await statuses({ cidrs: ['127.0.0.0/8'] }, browsers)).toEqual([200, 200, 429, 200, 200]);
  });

  it('keys on what the trusted proxy appended, not on what the browser prepended', async () => {
    const forged = ['1.1.1.1, 198.51.100.1', '2.2.2.2, 198.51.100.1', '3.3.3.3, 198.51.100.1'];
    expect(await statuses({ hops: 1 }, forged)).toEqual([200, 200, 429]);
  });
});
