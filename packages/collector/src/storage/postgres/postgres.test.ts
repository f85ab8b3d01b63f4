import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storeConformance } from '../conformance/index.js';
import { accountRollupConformance } from '../conformance/account-rollup.js';
import { kpiActivityBlocksConformance, READ_BLOCKS, type ReadBlocks } from '../conformance/kpi-activity-blocks.js';
import { kpiChecklistRollupConformance } from '../conformance/kpi-checklist-rollup.js';
import { kpiRollupConformance } from '../conformance/kpi-rollup.js';
import { loadMigrations } from '../migrations/migrate.js';
import { openPostgresStore } from './postgres-store.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';

const scratch = scratchDatabase();
const databaseUrl = scratch.url;

beforeAll(scratch.create);
afterAll(scratch.drop);

storeConformance('postgres', () => openPostgresStore(databaseUrl));
const readBlocks: ReadBlocks = async (projectId) => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Awaited<ReturnType<ReadBlocks>>[number]>(READ_BLOCKS, [projectId])).rows;
  } finally {
    await client.end();
  }
};
kpiActivityBlocksConformance(() => openPostgresStore(databaseUrl), readBlocks);
// Folds of a few events each: the dirty subjects must wait for the queue to empty (rollup-fold.ts).
describe('postgres, rollups folded 7 events at a time', () => {
  const open = () => openPostgresStore(databaseUrl, { rollups: { chunk: 7 } });
  kpiRollupConformance(open);
  kpiActivityBlocksConformance(open, readBlocks);
  kpiChecklistRollupConformance(open);
  accountRollupConformance(open);
});

describe('postgres store', () => {
  it('applies migrations once even when several collectors start together', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(databaseUrl)));
    await Promise.all(stores.map((store) => store.close()));
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM hearth_migrations ORDER BY version');
      expect(rows).toEqual(loadMigrations('postgres').map((m) => ({ version: m.version })));
    } finally {
      await client.end();
    }
  });

  it('analyzes at open, so plans do not wait for autovacuum', async () => {
    await (await openPostgresStore(databaseUrl)).close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ analyzed: boolean }>(
        "SELECT last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname IN ('events', 'users', 'kpi_activity_days')",
      );
      expect(rows.map((row) => row.analyzed)).toEqual([true, true, true]);
    } finally {
      await client.end();
    }
  });

  it('survives the server ending its idle connections, and the next query reconnects', async () => {
    const store = await openPostgresStore(databaseUrl);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const errors: string[] = [];
    const log = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(String(args[0])));
    try {
      await store.prompts.list('acme');
      const { rows } = await admin.query<{ ended: boolean }>(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      expect(rows.length).toBeGreaterThan(0);
      await vi.waitFor(() => expect(errors).toContain('hearth-collector: an idle PostgreSQL connection was closed by the server'));
      expect(await store.prompts.list('acme')).toEqual([]);
    } finally {
      log.mockRestore();
      await admin.end();
      await store.close();
    }
  });
});
