import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector } from './server.js';
import { openSqliteStore } from './storage/sqlite/sqlite-store.js';
import { exited, spawnCollector } from './test-support/child-collector.js';
import { nextMessageId } from './test-support/events.js';
import { PUBLIC_KEY, SECRET, testConfig } from './test-support/http.js';
import { npsInput } from './test-support/surveys.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-kpi-loop-'));
const file = join(dir, 'busy.sqlite');
const D = 86_400_000;
const SUBJECTS = 1_500;
const DAYS = 366;
const SHOWN = 800_000;

/**
 * A store whose year of activity rollup (1,500 subjects active every day) makes active-users slow to
 * read, and whose displays of another survey make the NPS survey's KPIs slow to read.
 */
beforeAll(async () => {
  await openSqliteStore(file).close();
  const db = new Database(file);
  const lastDay = Math.floor(Date.now() / D);
  db.prepare(
    `WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ${SUBJECTS - 1}),
       d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < ${DAYS - 1})
     INSERT INTO kpi_activity_days (project_id, day, subject, first_at, last_at, events)
     SELECT 'acme', ${lastDay} - d.n, 'a:visitor-' || s.n, (${lastDay} - d.n) * ${D} + 1000, (${lastDay} - d.n) * ${D} + 2000, 2 FROM s, d`,
  ).run();
  // And 800,000 displays of another survey in the last day, which the NPS survey's response rate scans.
  db.prepare(
    `WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ${SHOWN - 1})
     INSERT INTO events (project_id, message_id, type, name, anonymous_id, user_id, timestamp, received_at, verified, properties, payload_hash)
     SELECT 'acme', 'shown-' || n, 'track', '$prompt_shown', 'visitor-' || (n % ${SUBJECTS}), NULL, ${Date.now() - D} - n, ${Date.now()}, 0,
       '{"promptId":"other","kind":"survey","cycle":1}', 'seeded' FROM s`,
  ).run();
  db.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const year = `from=${new Date(Date.now() - 365 * D).toISOString()}`;
const batch = () =>
  JSON.stringify({
    sentAt: new Date().toISOString(),
    events: [{ messageId: nextMessageId(), anonymousId: 'a', type: 'track', name: 'n', timestamp: new Date().toISOString() }],
  });

const config = () => testConfig({ allowedOrigins: ['*'], prompts: [npsInput()] });

describe('KPI reads off the event loop (SQLite)', () => {
  // Retention (rollup), survey (responses and displays); announcement and rewards KPIs read the same way.
  it.each([`/v1/admin/kpi/active-users?${year}`, '/v1/admin/kpi/surveys/nps'])(
    'answers health checks and batches while a long KPI read runs: %s',
    async (path) => {
      const collector = await startCollector({ config: config(), port: 0, sqliteFile: file });
      try {
        const order: string[] = [];
        const kpi = fetch(`${collector.url}${path}`, { headers: { Authorization: `Bearer ${SECRET}` } }).then(async (res) => {
          order.push(`kpi ${res.status}`);
          return (await res.json()) as unknown;
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        const health = await fetch(`${collector.url}/healthz`);
        order.push(`healthz ${health.status}`);
        const ingest = await fetch(`${collector.url}/v1/batch?key=${PUBLIC_KEY}`, { method: 'POST', body: batch() });
        order.push(`batch ${ingest.status}`);
        await kpi;
        // Both answered while the KPI read was still running.
        expect(order).toEqual(['healthz 200', 'batch 200', 'kpi 200']);
      } finally {
        await collector.close();
      }
    },
    60_000,
  );

  it('a collector process exits promptly on SIGTERM with a KPI read running', async () => {
    const configPath = join(dir, 'hearth.config.json');
    writeFileSync(configPath, JSON.stringify(config()));
    const { child, url } = await spawnCollector(['--config', configPath, '--sqlite', file]);
    try {
      // Many long reads queued on the reader: the drain ends with some still running, and they are cancelled.
      const reads = Array.from({ length: 30 }, () =>
        fetch(`${url}/v1/admin/kpi/active-users?${year}`, { headers: { Authorization: `Bearer ${SECRET}` } }).catch(() => undefined),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      const exit = await Promise.race([
        exited(child),
        new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000)),
      ]);
      expect(exit).toEqual({ code: 0, signal: null });
      await Promise.all(reads);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
