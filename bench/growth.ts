import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { openStore, type StoreOptions } from '../packages/collector/src/index.js';
import { runIfMain } from './lib/cli.js';
import { benchConfig } from './lib/config.js';
import { integer } from './lib/format.js';
import type { BenchReport, Table, TargetCheck } from './lib/report.js';
import { round } from './lib/stats.js';
import { benchDir } from './lib/results.js';
import { databaseSize, HISTORY_DAYS, prefillPostgres, prefillSqlite, USERS } from './growth/prefill.js';
import { createThrowAwayDatabase } from './ingest/postgres-database.js';
import { runLoad, type LoadResult } from './ingest/load.js';
import { checkCollectorStores } from './ingest/sanity-check.js';
import { startServerProcess } from './ingest/server-process.js';
import { cpuMsSince, postgresBackendCpuMs, postgresIndexSizes, sqliteIndexSizes, type IndexSizes } from './growth/store-stats.js';
import { kpiEndpoints } from './kpi/endpoints.js';
import { timeEndpointsIsolated, type EndpointOutcome } from './kpi/isolated.js';
import { kpiSettings } from './kpi/settings.js';

/**
 * Does ingest hold up as the store grows? Per store: generate history straight into the store
 * (bench/growth/prefill.ts) up to each size in turn, then run the collector on it and measure
 * ingest at batch 20 exactly as the ingest benchmark does; at the largest size, time the KPI
 * endpoints. `BENCH_GROWTH_SIZES` (default `0,1000000,10000000`; quick `0,100000,300000`),
 * `BENCH_GROWTH_STORES` (`sqlite,postgres`), `BENCH_GROWTH_KPIS=0` to time ingest only.
 */
type StoreKind = 'sqlite' | 'postgres';
const BATCH = 20;
const START_LIMIT_MS = 600_000;
const TIME_KPIS = process.env.BENCH_GROWTH_KPIS !== '0';

function sizes(): number[] {
  const raw = process.env.BENCH_GROWTH_SIZES ?? (benchConfig.quick ? '0,100000,300000' : '0,1000000,10000000');
  const list = raw.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 0) || list.some((n, i) => i > 0 && n <= list[i - 1]!))
    throw new Error(`BENCH_GROWTH_SIZES must be increasing non-negative integers, got "${raw}"`);
  return list;
}

function stores(): StoreKind[] {
  const list = (process.env.BENCH_GROWTH_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  const bad = list.filter((s) => s !== 'sqlite' && s !== 'postgres');
  if (bad.length) throw new Error(`BENCH_GROWTH_STORES: unknown store(s) ${bad.join(', ')}`);
  return list as StoreKind[];
}

interface Step extends LoadResult {
  store: StoreKind;
  /** Events in the store when the timed load started (history plus the earlier steps' ingest). */
  stored: number;
  prefillSeconds: number;
  /** From starting the collector process to its listening (tsx compiling the source included). */
  startSeconds: number;
  /** Store size on disk when the timed load ended. */
  sizeBytes: number;
  load1: number;
  /** The collector process's CPU per event stored during the timed load (load-independent). */
  serverCpuUsPerEvent: number;
  /** PostgreSQL: its backends' CPU per event stored during the timed load; SQLite: none (in-process). */
  databaseCpuUsPerEvent: number | null;
  /** Read syscalls of the collector per event: SQLite's page-cache misses (PostgreSQL: none of its own). */
  readsPerEvent: number;
  /** Bytes the collector wrote per event: SQLite's WAL frames and checkpoints (PostgreSQL: none of its own). */
  writtenBytesPerEvent: number;
  /** The events table and its indexes, bytes each, when the timed load ended. */
  indexBytes: IndexSizes;
}

interface StoreLocation {
  options: StoreOptions;
  env: Record<string, string>;
  /** Bytes the store takes on disk (SQLite: the file and its WAL; PostgreSQL: the database). */
  sizeBytes(): Promise<number>;
  indexSizes(): Promise<IndexSizes>;
  /** PostgreSQL: CPU ms of the database's backends so far, by pid. */
  databaseCpuMs(): Promise<Map<number, number> | null>;
  prefill(from: number, to: number, start: number): Promise<{ seconds: number }>;
  dispose(): Promise<void>;
}

async function location(kind: StoreKind): Promise<StoreLocation> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-growth-'));
    const file = join(dir, 'hearth.db');
    return {
      options: { sqliteFile: file },
      env: { BENCH_COLLECTOR_SQLITE_FILE: file },
      sizeBytes: async () => [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0),
      indexSizes: async () => sqliteIndexSizes(file),
      databaseCpuMs: async () => null,
      prefill: async (from, to, start) => prefillSqlite(file, from, to, start),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = await createThrowAwayDatabase(benchConfig.postgresAdminUrl);
  return {
    options: { databaseUrl: database.url },
    env: { BENCH_COLLECTOR_DATABASE_URL: database.url },
    sizeBytes: () => databaseSize(database.url),
    indexSizes: () => postgresIndexSizes(database.url),
    databaseCpuMs: () => postgresBackendCpuMs(database.url),
    prefill: (from, to, start) => prefillPostgres(database.url, from, to, start),
    dispose: () => database.drop(),
  };
}

const load1 = () => round(loadavg()[0]!, 2);

async function measureStore(kind: StoreKind, steps: Step[], kpis: Map<StoreKind, EndpointOutcome[]>): Promise<void> {
  const where = await location(kind);
  // Event n of the history happens at start + n × spacing: the 10 M-event history ends about now.
  const start = Date.now() - HISTORY_DAYS * 86_400_000;
  try {
    await (await openStore(where.options)).close();
    let generated = 0;
    let ingested = 0;
    for (const size of sizes()) {
      const { seconds } = size > generated ? await where.prefill(generated, size, start) : { seconds: 0 };
      generated = Math.max(generated, size);
      console.error(`growth: ${kind}, ${integer(generated)} generated events (${seconds.toFixed(1)} s); ingest at batch ${BATCH}`);
      const startedAt = performance.now();
      // Opening a large store takes longer than an empty one (e.g. refreshing planner statistics).
      const server = await startServerProcess(join(benchDir, 'ingest/collector-server.ts'), where.env, [], START_LIMIT_MS);
      const startSeconds = (performance.now() - startedAt) / 1000;
      try {
        await checkCollectorStores(server.url, BATCH);
        const load = { url: server.url, batchSize: BATCH, connections: benchConfig.connections };
        await runLoad({ ...load, seconds: benchConfig.ingestWarmupSeconds });
        const stored = generated + ingested;
        const before = { cpuMs: server.cpuMs(), io: server.io(), databaseCpuMs: await where.databaseCpuMs() };
        const result = await runLoad({ ...load, seconds: benchConfig.ingestSeconds });
        const events = Math.max(1, result.eventsPerSec * benchConfig.ingestSeconds);
        const databaseCpuMs = await where.databaseCpuMs();
        steps.push({
          store: kind,
          stored,
          prefillSeconds: seconds,
          startSeconds,
          load1: load1(),
          sizeBytes: await where.sizeBytes(),
          ...result,
          serverCpuUsPerEvent: ((server.cpuMs() - before.cpuMs) * 1000) / events,
          databaseCpuUsPerEvent:
            before.databaseCpuMs && databaseCpuMs ? (cpuMsSince(before.databaseCpuMs, databaseCpuMs) * 1000) / events : null,
          readsPerEvent: (server.io().readCalls - before.io.readCalls) / events,
          writtenBytesPerEvent: (server.io().writeBytes - before.io.writeBytes) / events,
          indexBytes: await where.indexSizes(),
        });
        ingested += Math.round(result.eventsPerSec * (benchConfig.ingestSeconds + benchConfig.ingestWarmupSeconds)) + BATCH;
      } finally {
        await server.stop();
      }
    }
    if (!TIME_KPIS) return;
    const store = await openStore(where.options);
    await store.kpi.refreshRollups();
    await store.close();
    // The activity KPIs (the history has no prompts, surveys, announcements or rewards to read).
    const endpoints = kpiEndpoints(Date.now(), 'none').filter(
      (e) => e.path.startsWith('/v1/admin/kpi/') && !/checklists|surveys/.test(e.path),
    );
    kpis.set(
      kind,
      await timeEndpointsIsolated(where.options, endpoints, {
        end: Date.now(),
        warmRuns: kpiSettings.warmRuns,
        limitMs: kpiSettings.limitMs,
      }),
    );
  } finally {
    await where.dispose();
  }
}

const label: Record<StoreKind, string> = { sqlite: 'embedded SQLite', postgres: 'PostgreSQL' };

function growthTable(steps: readonly Step[]): Table {
  return {
    title: `Ingest at batch ${BATCH} as the store grows (history generated in the store; ${integer(USERS)} users, ${HISTORY_DAYS} days)`,
    columns: [
      'store',
      'stored events',
      'generation s',
      'start s',
      'events/s',
      '% of empty store',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'server CPU µs/event',
      'database CPU µs/event',
      'reads/event',
      'KiB written/event',
      'store size MiB',
      'load avg',
    ],
    rows: steps.map((s) => {
      const empty = steps.find((e) => e.store === s.store);
      return [
        label[s.store],
        integer(s.stored),
        s.prefillSeconds ? s.prefillSeconds.toFixed(0) : '—',
        s.startSeconds.toFixed(1),
        integer(s.eventsPerSec),
        empty ? `${round((s.eventsPerSec / empty.eventsPerSec) * 100)} %` : '—',
        String(round(s.p50Ms, 1)),
        String(round(s.p99Ms, 1)),
        String(s.non2xx),
        String(round(s.serverCpuUsPerEvent, 1)),
        s.databaseCpuUsPerEvent === null ? '—' : String(round(s.databaseCpuUsPerEvent, 1)),
        String(round(s.readsPerEvent, 2)),
        String(round(s.writtenBytesPerEvent / 1024, 2)),
        integer(s.sizeBytes / 2 ** 20),
        String(s.load1),
      ];
    }),
    notes: [
      'each step adds generated history (SQL inside the store, secondary indexes rebuilt after the load) and restarts the collector on it; the ingest of earlier steps stays stored',
      `load: ${benchConfig.connections} connections, ${benchConfig.ingestWarmupSeconds} s warm-up then ${benchConfig.ingestSeconds} s timed, one run per step`,
      'load avg: the 1-minute load average right after the timed load (2 cores; other work on the machine lowers events/s)',
      "server / database CPU µs/event: the collector process's and (PostgreSQL) its backends' user + system CPU during the timed load ÷ events stored; unlike events/s they hardly depend on other load",
      'reads/event: read syscalls of the collector per event stored; on SQLite each is a page its cache (or memory map) did not hold',
      'KiB written/event: what the collector wrote per event stored; on SQLite the WAL frames of every page a transaction dirtied, and checkpoints',
    ],
  };
}

/** Size of the events table and of each index at every step: what each insert has to descend and keep cached. */
function indexTable(steps: readonly Step[]): Table {
  const names = [...new Set(steps.flatMap((s) => Object.keys(s.indexBytes)))].sort();
  return {
    title: 'The events table and its indexes at each step (MiB)',
    columns: ['store', 'stored events', ...names],
    rows: steps.map((s) => [
      label[s.store],
      integer(s.stored),
      ...names.map((n) => (n in s.indexBytes ? String(round(s.indexBytes[n]! / 2 ** 20, 1)) : '—')),
    ]),
  };
}

function kpiTable(kpis: Map<StoreKind, EndpointOutcome[]>, largest: number): Table {
  return {
    title: `KPI endpoints on the grown store (${integer(largest)} generated events and what the steps ingested; cold = fresh process, warm = median of ${kpiSettings.warmRuns})`,
    columns: ['endpoint', 'store', 'cold ms', 'warm ms', '≤ 200 ms'],
    rows: [...kpis].flatMap(([kind, outcomes]) =>
      outcomes.map((o) =>
        'coldMs' in o
          ? [
              o.label,
              label[kind],
              String(round(o.coldMs)),
              String(round(o.warmMs, 1)),
              o.coldMs <= 200 && o.warmMs <= 200 ? 'yes' : o.warmMs <= 200 ? 'warm only' : 'NO',
            ]
          : [o.label, label[kind], `> ${integer(o.timedOutAfterMs)}`, '—', 'NO'],
      ),
    ),
    notes: [
      'the activity KPIs only: the generated history has page/track events and no prompts, surveys or rewards (bench/kpi.ts times those on its own data set)',
    ],
  };
}

function growthChecks(steps: readonly Step[]): TargetCheck[] {
  return (['sqlite', 'postgres'] as const).flatMap((kind) => {
    const own = steps.filter((s) => s.store === kind);
    if (own.length < 2) return [];
    const empty = own[0]!;
    const largest = own[own.length - 1]!;
    const share = largest.eventsPerSec / empty.eventsPerSec;
    return [
      {
        target: `${kind}: ingest at ${integer(largest.stored)} stored events ≥ 80 % of the empty store's`,
        measured: `${integer(largest.eventsPerSec)} vs ${integer(empty.eventsPerSec)} events/s (${round(share * 100)} %)`,
        met: share >= 0.8,
      },
    ];
  });
}

export async function runGrowth(): Promise<BenchReport> {
  const steps: Step[] = [];
  const kpis = new Map<StoreKind, EndpointOutcome[]>();
  const notes: string[] = [];
  for (const kind of stores()) {
    try {
      await measureStore(kind, steps, kpis);
    } catch (error) {
      notes.push(`${label[kind]}: failed, ${error instanceof Error ? error.message : String(error)}`);
      console.error(`growth: ${kind} failed:`, error);
    }
  }
  const table = growthTable(steps);
  table.notes = [...(table.notes ?? []), ...notes];
  const all = sizes();
  return {
    name: 'growth',
    tables: [table, indexTable(steps), kpiTable(kpis, all[all.length - 1]!)],
    checks: growthChecks(steps),
    data: { sizes: all, steps, kpis: Object.fromEntries(kpis), notes },
  };
}

runIfMain(import.meta.url, 'npx tsx bench/growth.ts', runGrowth);
