import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchConfig } from '../lib/config.js';
import { benchDir, repoRoot } from '../lib/results.js';
import { createThrowAwayDatabase } from './postgres-database.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export type IngestTarget = 'bare' | 'sqlite' | 'postgres';
export const ingestTargets: readonly IngestTarget[] = ['bare', 'sqlite', 'postgres'];

export const targetLabels: Record<IngestTarget, string> = {
  bare: 'bare node:http (ceiling)',
  sqlite: 'collector, embedded SQLite',
  postgres: 'collector, PostgreSQL',
};

export interface RunningTarget {
  server: ServerProcess;
  /** Stops the server and removes its store. */
  dispose(): Promise<void>;
}

/** Why a target cannot be measured in this checkout, or null when it can. */
export function unavailableReason(target: IngestTarget): string | null {
  if (target === 'bare') return null;
  return existsSync(join(repoRoot, 'packages/collector/src/index.ts'))
    ? null
    : 'collector not built yet (packages/collector/src/index.ts missing)';
}

/** Starts a fresh server with an empty store: each measured cell starts from the same state. */
export async function startTarget(target: IngestTarget): Promise<RunningTarget> {
  if (target === 'bare') {
    const server = await startServerProcess(join(benchDir, 'ingest/bare-server.ts'));
    return { server, dispose: () => server.stop() };
  }
  const entry = join(benchDir, 'ingest/collector-server.ts');
  if (target === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
    const server = await startServerProcess(entry, { BENCH_COLLECTOR_SQLITE_FILE: join(dir, 'hearth.db') });
    return {
      server,
      async dispose() {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createThrowAwayDatabase(benchConfig.postgresAdminUrl);
  try {
    const server = await startServerProcess(entry, { BENCH_COLLECTOR_DATABASE_URL: database.url });
    return {
      server,
      async dispose() {
        await server.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
