import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runIfMain } from './lib/cli.js';
import { benchConfig } from './lib/config.js';
import { integer } from './lib/format.js';
import type { BenchReport } from './lib/report.js';
import { benchDir } from './lib/results.js';
import { round } from './lib/stats.js';
import { createThrowAwayDatabase } from './ingest/postgres-database.js';
import { runLoad, type LoadResult } from './ingest/load.js';
import { checkCollectorStores } from './ingest/sanity-check.js';
import { startServerProcess, type ServerProcess } from './ingest/server-process.js';

/**
 * Several collectors on one PostgreSQL: 1, 2 and 3 collector processes on one database, each
 * loaded at batch 20 by its own share of the connections at the same time (a round-robin load
 * balancer's view), events/s summed. Everything shares this machine's cores with PostgreSQL and
 * the load generator, so the figures show where one machine saturates, not what N hosts give.
 */
const BATCH = 20;
const INSTANCES = [1, 2, 3];

interface Row {
  instances: number;
  eventsPerSec: number;
  p99Ms: number;
  non2xx: number;
  load1: number;
}

async function measure(instances: number): Promise<Row> {
  const database = await createThrowAwayDatabase(benchConfig.postgresAdminUrl);
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < instances; i++)
      servers.push(await startServerProcess(join(benchDir, 'ingest/collector-server.ts'), { BENCH_COLLECTOR_DATABASE_URL: database.url }));
    for (const server of servers) await checkCollectorStores(server.url, BATCH);
    const connections = Math.max(1, Math.round(benchConfig.connections / instances));
    const loadAll = (seconds: number) =>
      Promise.all(servers.map((server) => runLoad({ url: server.url, batchSize: BATCH, connections, seconds })));
    await loadAll(benchConfig.ingestWarmupSeconds);
    const results: LoadResult[] = await loadAll(benchConfig.ingestSeconds);
    return {
      instances,
      eventsPerSec: results.reduce((sum, r) => sum + r.eventsPerSec, 0),
      p99Ms: Math.max(...results.map((r) => r.p99Ms)),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      load1: round(loadavg()[0]!, 2),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

export async function runScaleOut(): Promise<BenchReport> {
  const rows: Row[] = [];
  for (const instances of INSTANCES) {
    console.error(`scale-out: ${instances} collector(s) on one PostgreSQL, batch ${BATCH}`);
    rows.push(await measure(instances));
  }
  const one = rows[0]!;
  return {
    name: 'scale-out',
    tables: [
      {
        title: `Several collectors on one PostgreSQL (batch ${BATCH}, ${benchConfig.connections} connections split between them, this machine)`,
        columns: ['collectors', 'events/s (sum)', '× one collector', 'worst p99 ms', 'non-2xx', 'load avg'],
        rows: rows.map((r) => [
          String(r.instances),
          integer(r.eventsPerSec),
          `${round(r.eventsPerSec / one.eventsPerSec, 2)}`,
          String(round(r.p99Ms, 1)),
          String(r.non2xx),
          String(r.load1),
        ]),
        notes: [
          'every collector, PostgreSQL and the load generator share the same cores: more collectors add CPU contention, not CPU, so this finds where one machine saturates; on separate hosts each collector brings its own cores',
          'load avg: the 1-minute load average right after the timed load',
        ],
      },
    ],
    checks: [],
    data: { batch: BATCH, rows },
  };
}

runIfMain(import.meta.url, 'npx tsx bench/scale-out.ts', runScaleOut);
