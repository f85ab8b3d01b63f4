import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnCollector } from './test-support/child-collector.js';
import { SECRET, testConfig } from './test-support/http.js';
import { scratchDatabase } from './test-support/postgres-database.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const configPath = join(dir, 'hearth.config.json');
writeFileSync(configPath, JSON.stringify(testConfig({ allowedOrigins: ['*'] })));

describe('collector process shutdown', () => {
  it('exits after the drain even while a KPI query is still running on PostgreSQL, cancelling it', async () => {
    const db = scratchDatabase('hearth_shutdown');
    await db.create();
    const { child, url } = await spawnCollector(['--config', configPath], { DATABASE_URL: db.url });
    // Another session holds the KPI rollup's lock, so the KPI statement waits on it: a query that
    // is still running when the drain ends (its lock wait allows longer than the drain).
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE kpi_activity_days IN ACCESS EXCLUSIVE MODE');
      const readKpi = () =>
        fetch(`${url}/v1/admin/kpi/active-users`, { headers: { Authorization: `Bearer ${SECRET}` } }).catch((error: unknown) => error);
      let settled = false;
      const track = (read: Promise<unknown>) => read.finally(() => (settled = true));
      let kpi = track(readKpi());
      // Wait until the collector's KPI statement is really waiting on the lock (a read refused
      // for overload on a busy machine is sent again).
      const giveUp = Date.now() + 30_000;
      let waiting = 0;
      while (waiting === 0 && Date.now() < giveUp) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (settled) {
          settled = false;
          kpi = track(readKpi());
        }
        const { rows } = await holder.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'hearth-kpi-%' AND wait_event_type = 'Lock'",
        );
        waiting = rows[0]!.n;
      }
      expect(waiting).toBeGreaterThan(0);
      child.kill('SIGTERM');
      const exit = await Promise.race([
        exited(child),
        new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000)),
      ]);
      // The process ended while the lock was still held: the query was cancelled, not waited out.
      expect(exit).toEqual({ code: 0, signal: null });
      await kpi;
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
      await db.drop();
    }
  }, 60_000);
});
