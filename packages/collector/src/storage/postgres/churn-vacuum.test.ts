import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { scratchDatabase } from '../../test-support/postgres-database.js';
import { migratePostgres } from '../migrations/migrate.js';
import { vacuumChurnedTables } from './churn-vacuum.js';
import { openPostgresStore } from './postgres-store.js';

/** A migrated database of the test's own, dropped after it, and one connection to it. */
async function migratedDatabase() {
  const scratch = scratchDatabase('hearth_vacuum');
  await scratch.create();
  onTestFinished(scratch.drop);
  const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
  onTestFinished(() => pool.end());
  await migratePostgres(pool);
  return { url: scratch.url, pool };
}

/** Queues `rows` events and takes them out again, as folds do, leaving that many dead rows. */
async function churnQueue(pool: pg.Pool, rows: number) {
  await pool.query("INSERT INTO kpi_event_queue SELECT 'p1', 'm' || i FROM generate_series(1, $1) i", [rows]);
  await pool.query('DELETE FROM kpi_event_queue');
  // Counts reach pg_stat_user_tables when a backend flushes them; one pooled connection, so this is the writer.
  await pool.query('SELECT pg_stat_force_next_flush()');
}

const queuePages = async (pool: pg.Pool) =>
  Number((await pool.query<{ bytes: string }>("SELECT pg_relation_size('kpi_event_queue') AS bytes")).rows[0]!.bytes);

describe('vacuuming the queue tables', () => {
  it('reclaims an emptied queue holding many dead rows, and leaves one with few alone', async () => {
    const { pool } = await migratedDatabase();
    await churnQueue(pool, 2_000);
    expect(await vacuumChurnedTables(pool)).toEqual([]);
    await churnQueue(pool, 30_000);
    expect(await queuePages(pool)).toBeGreaterThan(0);
    expect(await vacuumChurnedTables(pool)).toEqual(['kpi_event_queue']);
    // Every page was empty, so VACUUM truncated the heap: finding the queue empty reads nothing.
    expect(await queuePages(pool)).toBe(0);
    expect(await vacuumChurnedTables(pool)).toEqual([]);
  });

  it('a store opened on a queue a bulk load left bloated reclaims it before the first read', async () => {
    const { url, pool } = await migratedDatabase();
    await churnQueue(pool, 30_000);
    const store = await openPostgresStore(url);
    onTestFinished(() => store.close());
    expect(await queuePages(pool)).toBe(0);
  });
});
