import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from './server.js';
import { nextMessageId } from './test-support/events.js';
import { PUBLIC_KEY, testConfig } from './test-support/http.js';
import { scratchDatabase } from './test-support/postgres-database.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-overload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const send = (collector: RunningCollector) =>
  fetch(`${collector.url}/v1/batch?key=${PUBLIC_KEY}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      sentAt: new Date().toISOString(),
      events: [{ messageId: nextMessageId(), anonymousId: 'a', type: 'track', name: 'n', timestamp: new Date().toISOString() }],
    }),
  });

/** Another session holding the database's write lock, as another process or an admin would. */
interface LockHolder {
  release(): Promise<void>;
}

const stores: { name: string; open(): Promise<{ collector: RunningCollector; lock(): Promise<LockHolder>; done(): Promise<void> }> }[] = [
  {
    name: 'sqlite',
    async open() {
      const file = join(dir, `${Math.random().toString(36).slice(2)}.sqlite`);
      const collector = await startCollector({ config: testConfig({ allowedOrigins: ['*'] }), port: 0, sqliteFile: file });
      return {
        collector,
        async lock() {
          const other = new Database(file);
          other.exec('BEGIN IMMEDIATE');
          return {
            async release() {
              other.exec('ROLLBACK');
              other.close();
            },
          };
        },
        done: () => collector.close(),
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = scratchDatabase('hearth_overload');
      await db.create();
      const collector = await startCollector({ config: testConfig({ allowedOrigins: ['*'] }), port: 0, databaseUrl: db.url });
      return {
        collector,
        async lock() {
          const other = new pg.Client({ connectionString: db.url });
          await other.connect();
          await other.query('BEGIN');
          await other.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');
          return {
            async release() {
              await other.query('ROLLBACK');
              await other.end();
            },
          };
        },
        async done() {
          await collector.close();
          await db.drop();
        },
      };
    },
  },
];

describe.each(stores)('overload on $name', ({ open }) => {
  it('refuses new requests with 503 + Retry-After while another session holds the lock, then recovers', async () => {
    const { collector, lock, done } = await open();
    try {
      expect((await send(collector)).status).toBe(200);
      const holder = await lock();
      let released = false;
      const stuck = send(collector);
      // Probes go out every 250 ms without waiting for each other; the lock is held until one is
      // refused as overloaded (or 8 s pass, and the test fails).
      const refusals: { code: string; retryAfter: string | null; whileHeld: boolean }[] = [];
      const probes: Promise<void>[] = [];
      const giveUp = Date.now() + 8_000;
      while (refusals.length === 0 && Date.now() < giveUp) {
        probes.push(
          send(collector).then(async (res) => {
            const code = res.status === 503 ? ((await res.json()) as { error: { code: string } }).error.code : String(res.status);
            if (code === 'overloaded') refusals.push({ code, retryAfter: res.headers.get('Retry-After'), whileHeld: !released });
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // Health checks still answer during the stall.
      expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
      await holder.release();
      released = true;
      await Promise.all(probes);
      expect(refusals[0]).toMatchObject({ code: 'overloaded', whileHeld: true });
      expect(refusals[0]!.retryAfter).toMatch(/^\d+$/);
      // The batch caught in the stall was either stored once the lock went, or refused for a retry: never a 500.
      expect([200, 503]).toContain((await stuck).status);
      expect((await send(collector)).status).toBe(200);
    } finally {
      await done();
    }
  }, 30_000);

  it('answers a write that waited out its lock budget 503 + Retry-After, not 500', async () => {
    const { collector, lock, done } = await open();
    try {
      const holder = await lock();
      const stuck = await send(collector);
      await holder.release();
      expect(stuck.status).toBe(503);
      expect(stuck.headers.get('Retry-After')).toMatch(/^\d+$/);
      expect(((await stuck.json()) as { error: { code: string } }).error.code).toBe('store_busy');
      expect((await send(collector)).status).toBe(200);
    } finally {
      await done();
    }
  }, 30_000);
});

describe('overload: a blocked event loop', () => {
  it('refuses the requests that queued up while the loop was blocked, then serves again', async () => {
    const collector = await startCollector({
      config: testConfig({ allowedOrigins: ['*'] }),
      port: 0,
      sqliteFile: join(dir, 'loop.sqlite'),
    });
    try {
      expect((await send(collector)).status).toBe(200);
      // Requests go out, then the (shared) event loop is blocked for 1.5 s before the server reads them.
      const queued = Array.from({ length: 5 }, () => send(collector));
      setTimeout(() => {
        const until = performance.now() + 1_500;
        while (performance.now() < until);
      }, 0);
      const answers = await Promise.all(queued);
      expect(answers.map((res) => res.status)).toContain(503);
      const refused = answers.find((res) => res.status === 503)!;
      expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await send(collector)).status).toBe(200);
    } finally {
      await collector.close();
    }
  }, 30_000);
});
