import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/results.js';
import type { LoadStats } from './load.js';
import { kpiSettings } from './settings.js';

/**
 * A loaded SQLite data set kept between runs (`BENCH_KPI_SQLITE_CACHE=<dir>`): loading 1M events
 * takes minutes, timing one endpoint seconds. The key is the generator's settings and its source
 * (a changed generator writes other rows); the store's own migrations still run when
 * the cached file is opened, so a newer schema is applied to it as to any existing database.
 */
const dir = process.env.BENCH_KPI_SQLITE_CACHE || null;

/** The files whose code decides the rows written. */
const GENERATOR = ['accounts-revenue.ts', 'data-set.ts', 'day-events.ts', 'load.ts', 'pool.ts', 'population.ts', 'project.ts', 'random.ts'];

function key(): string {
  const { events, users, days, seed, end } = kpiSettings;
  const hash = createHash('sha256').update(JSON.stringify({ events, users, days, seed, end }));
  for (const file of GENERATOR) hash.update(file).update(readFileSync(join(repoRoot, 'bench/kpi', file)));
  return hash.digest('hex').slice(0, 16);
}

/** Copies the cached data set to `file` and answers its load figures; null without a cache or entry. */
export function restoreCachedSqlite(file: string): LoadStats | null {
  if (!dir) return null;
  const base = join(dir, key());
  if (!existsSync(`${base}.db`)) return null;
  copyFileSync(`${base}.db`, file);
  return JSON.parse(readFileSync(`${base}.json`, 'utf8')) as LoadStats;
}

/** Keeps the freshly loaded data set `file` (closed, so its WAL is checkpointed) in the cache. */
export function cacheSqlite(file: string, load: LoadStats): void {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, key());
  copyFileSync(file, `${base}.db`);
  writeFileSync(`${base}.json`, JSON.stringify(load));
}
