import { benchConfig } from '../lib/config.js';
import type { KpiStoreKind } from './stores.js';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function stores(): KpiStoreKind[] {
  const raw = process.env.BENCH_KPI_STORES;
  if (!raw) return ['sqlite', 'postgres'];
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.filter((s) => s !== 'sqlite' && s !== 'postgres');
  if (bad.length) throw new Error(`BENCH_KPI_STORES: unknown store(s) ${bad.join(', ')}; known: sqlite, postgres`);
  return list as KpiStoreKind[];
}

/**
 * Labels with ", " in them: the list and a label compare as comma-joined, with the spaces around
 * commas dropped (so "announcement KPIs, segment=…" also selects "announcement KPIs").
 */
const commaJoined = (text: string) => text.split(',').map((part) => part.trim());

/** Whether `BENCH_KPI_ENDPOINTS` (comma-separated labels; all without it) selects the endpoint `label`. */
function endpointFilter(raw: string | undefined): (label: string) => boolean {
  if (!raw) return () => true;
  const list = `,${commaJoined(raw).join(',')},`;
  return (label) => list.includes(`,${commaJoined(label).join(',')},`);
}

/**
 * KPI benchmark settings: `BENCH_KPI_EVENTS` (default 1,000,000; 50,000 with `BENCH_QUICK=1`),
 * `BENCH_KPI_USERS` (10,000; 2,000 quick), `BENCH_KPI_RUNS` (warm calls per endpoint, 5),
 * `BENCH_KPI_STORES` (`sqlite,postgres`), `BENCH_KPI_LIMIT` (seconds an endpoint may take before
 * its process is stopped and it is reported as "no answer", 60), `BENCH_KPI_ENDPOINTS` (labels of
 * the endpoints to time, comma-separated; all by default), `BENCH_KPI_KEEP=1` (keep the loaded
 * PostgreSQL database and print its URL, to look at query plans after the run), `BENCH_KPI_SQLITE_CACHE`
 * (a directory keeping the loaded SQLite data set for the next run: bench/kpi/sqlite-cache.ts).
 */
export const kpiSettings = {
  events: positiveInteger('BENCH_KPI_EVENTS', benchConfig.quick ? 50_000 : 1_000_000),
  users: positiveInteger('BENCH_KPI_USERS', benchConfig.quick ? 2_000 : 10_000),
  days: 90,
  warmRuns: positiveInteger('BENCH_KPI_RUNS', 5),
  stores: stores(),
  seed: 8,
  /** A fixed "now" (a Monday, 00:00 UTC): the same seed then gives the same rows in every run. */
  end: Date.parse('2026-11-02T00:00:00Z'),
  targetMs: 200,
  limitMs: positiveInteger('BENCH_KPI_LIMIT', 60) * 1000,
  selects: endpointFilter(process.env.BENCH_KPI_ENDPOINTS),
  keep: process.env.BENCH_KPI_KEEP === '1',
};
