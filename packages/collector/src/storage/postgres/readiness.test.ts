import pg from 'pg';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createApp } from '../../app.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';
import { testConfig } from '../../test-support/http.js';
import { loadMigrations, MIGRATION_LOCK, migratePostgres } from '../migrations/migrate.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import { openPostgresStore } from './postgres-store.js';

/** A fresh database of the test's own, dropped after it. */
async function freshDatabase() {
  const scratch = scratchDatabase('hearth_ready');
  await scratch.create();
  onTestFinished(scratch.drop);
  return scratch.url;
}

async function client(url: string) {
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  return connection;
}

describe('migrations with several collectors starting at once', () => {
  it('two migrators on a fresh database: one applies each migration, the other waits for the lock and applies none', async () => {
    const url = await freshDatabase();
    const admin = await client(url);
    onTestFinished(() => admin.end());
    // Hold the lock first, so both migrators are seen queued behind it, then let them race.
    await admin.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const pools = [1, 2].map(() => new pg.Pool({ connectionString: url, max: 1 }));
    onTestFinished(async () => void (await Promise.all(pools.map((pool) => pool.end()))));
    const migrating = Promise.all(pools.map((pool) => migratePostgres(pool)));
    await expect
      .poll(
        async () => (await admin.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0].n,
      )
      .toBe(2);
    await admin.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await migrating;
    const { rows } = await admin.query<{ version: number; n: number }>(
      'SELECT version, count(*)::int AS n FROM hearth_migrations GROUP BY version ORDER BY version',
    );
    expect(rows).toEqual(loadMigrations('postgres').map((m) => ({ version: m.version, n: 1 })));
    expect((await admin.query("SELECT to_regclass('jobs') IS NOT NULL AS present")).rows[0].present).toBe(true);
  });
});

describe('GET /readyz', () => {
  it('is ready on SQLite', async () => {
    const store = openSqliteStore(':memory:');
    onTestFinished(() => store.close());
    const res = await createApp({ store, config: testConfig() }).request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, store: 'sqlite', reason: null });
  });

  it('answers 503 with the reason while another collector migrates, and while the database is unreachable', async () => {
    const url = await freshDatabase();
    const store = await openPostgresStore(url);
    let closed = false;
    onTestFinished(() => (closed ? undefined : store.close()));
    const app = createApp({ store, config: testConfig(), log: () => undefined });
    const ready = async () => {
      const res = await app.request('/readyz');
      return { status: res.status, ...((await res.json()) as { ready: boolean; reason: string | null }) };
    };
    expect(await ready()).toEqual({ status: 200, ready: true, store: 'postgres', reason: null });

    const other = await client(url);
    await other.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    expect(await ready()).toEqual({
      status: 503,
      ready: false,
      store: 'postgres',
      reason: expect.stringContaining('migrations are running'),
    });
    await other.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await other.end();
    expect((await ready()).status).toBe(200);

    // The database goes away (dropped, its sessions ended): not ready, and /healthz still answers.
    const admin = new pg.Client({
      connectionString: process.env.HEARTH_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await admin.connect();
    // The pool reports its ended idle connections on console.error.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => quiet.mockRestore());
    await admin.query(`DROP DATABASE ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
    const down = await ready();
    expect(down).toMatchObject({ status: 503, ready: false, reason: expect.stringContaining('the database is unreachable') });
    expect((await app.request('/healthz')).status).toBe(200);
    closed = true;
    await store.close().catch(() => undefined);
  });
});
