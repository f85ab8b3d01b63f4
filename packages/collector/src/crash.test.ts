import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './storage/sqlite/sqlite-store.js';
import { exited, spawnCollector } from './test-support/child-collector.js';
import { PUBLIC_KEY, testConfig } from './test-support/http.js';
import { nextMessageId } from './test-support/events.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const configPath = join(dir, 'hearth.config.json');
writeFileSync(
  configPath,
  JSON.stringify(testConfig({ allowedOrigins: ['*'] }, { rateLimit: { perClientPerSecond: 100_000, perProjectPerSecond: 100_000 } })),
);

function makeBatch(size: number) {
  const sentAt = new Date().toISOString();
  const events = Array.from({ length: size }, () => ({
    messageId: nextMessageId(),
    anonymousId: 'anon-crash',
    type: 'track',
    name: 'stress',
    timestamp: sentAt,
    properties: { filler: 'x'.repeat(150) },
  }));
  return { sentAt, events };
}

describe('collector process', () => {
  it('loses no acknowledged event when killed with SIGKILL mid-stream', async () => {
    const sqliteFile = join(dir, 'crash.sqlite');
    const { child, url } = await spawnCollector(['--config', configPath, '--sqlite', sqliteFile]);
    const acknowledged: string[] = [];
    let killed = false;

    // Several senders keep batches in flight, so the kill lands while requests are being written.
    const sender = async () => {
      while (!killed) {
        const body = makeBatch(20);
        try {
          const res = await fetch(`${url}/v1/batch?key=${PUBLIC_KEY}`, { method: 'POST', body: JSON.stringify(body) });
          if (res.status === 200) acknowledged.push(...body.events.map((e) => e.messageId));
          else await res.body?.cancel();
        } catch {
          return; // the server is gone
        }
        if (!killed && acknowledged.length >= 2_000) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, sender));
    expect((await exited(child)).signal).toBe('SIGKILL');

    const store = openSqliteStore(sqliteFile);
    try {
      const stored = new Set((await store.listEvents('acme')).map((e) => e.messageId));
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(2_000);
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('drains and exits cleanly on SIGTERM', async () => {
    const { child, url, output } = await spawnCollector(['--config', configPath, '--sqlite', join(dir, 'term.sqlite')]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    expect(output()).toContain('SIGTERM received');
  });
});
