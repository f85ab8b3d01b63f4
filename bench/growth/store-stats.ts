import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../lib/results.js';
import { readCpuMs } from '../ingest/server-process.js';

/**
 * Load-independent measures of the events table as it grows: the size of each of its B-trees (what
 * every insert descends and what must stay cached) and, on PostgreSQL, the CPU its backends spend
 * (the collector process's own CPU misses the database's share there).
 */
export type IndexSizes = Record<string, number>;

const requireFromCollector = createRequire(join(repoRoot, 'packages/collector/package.json'));

interface SqliteDb {
  prepare(source: string): { all(): unknown[] };
  close(): void;
}
interface PgClient {
  connect(): Promise<void>;
  query<R = unknown>(sql: string): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
const pgClient = (url: string) => {
  const { Client } = requireFromCollector('pg') as { Client: new (options: { connectionString: string }) => PgClient };
  return new Client({ connectionString: url });
};

/** Bytes of the events table and of each of its indexes (SQLite's dbstat: every page counted). */
export function sqliteIndexSizes(file: string): IndexSizes {
  const Database = requireFromCollector('better-sqlite3') as new (file: string, options: { readonly: boolean }) => SqliteDb;
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT s.name AS name, SUM(s.pgsize) AS bytes FROM dbstat s JOIN sqlite_master m ON m.name = s.name
         WHERE m.tbl_name = 'events' GROUP BY s.name ORDER BY s.name`,
      )
      .all() as { name: string; bytes: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  } finally {
    db.close();
  }
}

/** Bytes of the events table's heap and of each of its indexes. */
export async function postgresIndexSizes(url: string): Promise<IndexSizes> {
  const client = pgClient(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_class c
       WHERE c.oid = 'events'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'events'::regclass)
       ORDER BY c.relname`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
  } finally {
    await client.end();
  }
}

/** CPU ms used so far by each of the database's backends (other than the one asking), by pid. */
export async function postgresBackendCpuMs(url: string): Promise<Map<number, number>> {
  const client = pgClient(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        cpu.set(pid, readCpuMs(pid));
      } catch {
        // ended meanwhile
      }
    }
    return cpu;
  } finally {
    await client.end();
  }
}

/** CPU the backends alive at `after` used since `before` (a backend new since then: all of its CPU). */
export const cpuMsSince = (before: Map<number, number>, after: Map<number, number>): number =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
