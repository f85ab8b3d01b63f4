import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreOptions } from '../../packages/collector/src/index.js';
import { createThrowAwayDatabase } from '../ingest/postgres-database.js';
import { benchConfig } from '../lib/config.js';
import { repoRoot } from '../lib/results.js';
import { kpiSettings } from './settings.js';

export type KpiStoreKind = 'sqlite' | 'postgres';

export const storeLabels: Record<KpiStoreKind, string> = { sqlite: 'embedded SQLite', postgres: 'PostgreSQL' };

/** Where a store lives for the run; `settle` brings planner statistics up to date, `dispose` removes it. */
export interface BenchStoreLocation {
  options: StoreOptions;
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

interface SqlClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const requireFromCollector = createRequire(join(repoRoot, 'packages/collector/package.json'));

/**
 * After a bulk load PostgreSQL's autovacuum analyzes the tables within a minute or so; running
 * ANALYZE here gives the plans a collector in steady state gets, without waiting for the daemon.
 * SQLite has no automatic statistics and the collector never runs ANALYZE, so it is not run there.
 */
async function analyze(url: string): Promise<void> {
  const { Client } = requireFromCollector('pg') as { Client: new (options: { connectionString: string }) => SqlClient };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

export async function createStoreLocation(kind: KpiStoreKind): Promise<BenchStoreLocation> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-kpi-'));
    return {
      options: { sqliteFile: join(dir, 'hearth.db') },
      settle: async () => {},
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = await createThrowAwayDatabase(benchConfig.postgresAdminUrl);
  const dispose = kpiSettings.keep ? async () => console.error(`kpi: kept ${database.url}`) : () => database.drop();
  return { options: { databaseUrl: database.url }, settle: () => analyze(database.url), dispose };
}
