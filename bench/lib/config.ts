/**
 * Run settings, all from the environment so a figure can be reproduced with one command line.
 * `BENCH_QUICK=1` is the smoke mode used while developing: fewer, shorter runs.
 */
function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  }
  return value;
}

const quick = process.env.BENCH_QUICK === '1';

export const benchConfig = {
  quick,
  /** Repeated runs per ingest cell; the report shows the median. */
  ingestRuns: positiveNumber('BENCH_RUNS', quick ? 1 : 3),
  /** Seconds of load per ingest cell (after a short warm-up). */
  ingestSeconds: positiveNumber('BENCH_DURATION', quick ? 3 : 10),
  ingestWarmupSeconds: positiveNumber('BENCH_WARMUP', quick ? 1 : 2),
  connections: positiveNumber('BENCH_CONNECTIONS', 50),
  /** Page loads per variant (with / without Hearth). */
  pageRuns: positiveNumber('BENCH_PAGE_RUNS', quick ? 3 : 10),
  /** Open/close cycles for the heap-growth check. */
  heapCycles: positiveNumber('BENCH_HEAP_CYCLES', quick ? 10 : 50),
  /** Server used to create and drop the throw-away benchmark database. */
  postgresAdminUrl: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
} as const;

/** Settings naming a directory of this machine: recorded as `<dir>`, since the results are committed. */
const LOCAL_PATHS = new Set(['BENCH_KPI_SQLITE_CACHE']);

/** The environment part of the command line, recorded beside every result. */
export function commandLine(script: string): string {
  const env = Object.entries(process.env)
    .filter(([key]) => key.startsWith('BENCH_'))
    .map(([key, value]) => `${key}=${LOCAL_PATHS.has(key) ? '<dir>' : value}`);
  return [...env, script].join(' ');
}
