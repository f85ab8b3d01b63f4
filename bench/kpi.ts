import { openStore } from '../packages/collector/src/index.js';
import { runIfMain } from './lib/cli.js';
import { integer } from './lib/format.js';
import type { BenchReport } from './lib/report.js';
import type { Announcement } from './kpi/day-events.js';
import { kpiEndpoints } from './kpi/endpoints.js';
import { timeEndpointsIsolated } from './kpi/isolated.js';
import { buildChecklistRollup, loadDataSet } from './kpi/load.js';
import { DAY_MS } from './kpi/population.js';
import { kpiSettings } from './kpi/settings.js';
import { cacheSqlite, restoreCachedSqlite } from './kpi/sqlite-cache.js';
import { createStoreLocation, storeLabels, type KpiStoreKind } from './kpi/stores.js';
import { kpiChecks, loadTable, timingTable, type StoreResult } from './kpi/summary.js';

/**
 * KPI query speed. A seeded generator (bench/kpi/) writes the same data set into
 * each store through the collector's own write paths: 10,000 users over 90 days with traits (plan,
 * role, locale), heavy-tailed activity with churn, ≥ 1,000,000 page/track/identify events with
 * time-ordered ids, checklist displays and item completions, NPS displays and responses,
 * announcement reads/clicks/reactions and rewards ledger entries. Then every KPI endpoint the
 * dashboard uses is timed through `createApp().request()` (HTTP parsing included, no network),
 * cold and warm, against the 200 ms target.
 */
const { end, days } = kpiSettings;
const announcements: Announcement[] = [
  { id: 'ann-reports', publishAt: end - 60 * DAY_MS, featureEvent: 'Report Exported' },
  { id: 'ann-integrations', publishAt: end - 30 * DAY_MS, featureEvent: 'Integration Connected' },
  { id: 'ann-calendar', publishAt: end - 10 * DAY_MS },
];

async function measureStore(kind: KpiStoreKind): Promise<StoreResult> {
  const location = await createStoreLocation(kind);
  try {
    const file = location.options.sqliteFile;
    let load = file ? restoreCachedSqlite(file) : null;
    if (load) console.error(`kpi: reusing the cached ${storeLabels[kind]} data set (BENCH_KPI_SQLITE_CACHE)`);
    else {
      const store = await openStore(location.options);
      try {
        console.error(`kpi: loading ${integer(kpiSettings.events)} events into ${storeLabels[kind]}`);
        load = await loadDataSet(store, { ...kpiSettings, announcements });
      } finally {
        await store.close();
      }
      if (file) cacheSqlite(file, load);
    }
    console.error(`kpi: ${integer(load.events)} events in ${load.seconds.events.toFixed(1)} s; timing endpoints`);
    await location.settle();
    const built = await openStore(location.options);
    try {
      console.error(`kpi: checklist rollup built in ${(await buildChecklistRollup(built, end)).toFixed(1)} s`);
    } finally {
      await built.close();
    }
    const endpoints = kpiEndpoints(end, 'ann-integrations').filter((e) => kpiSettings.selects(e.label));
    const timings = await timeEndpointsIsolated(location.options, endpoints, kpiSettings);
    return { store: kind, load, timings };
  } finally {
    await location.dispose();
  }
}

export async function runKpi(): Promise<BenchReport> {
  const results: StoreResult[] = [];
  const notes: string[] = [
    `"now" is ${new Date(end).toISOString()} (fixed, so the seeded data set is identical in every run); ranges are the dashboard default (last 30 days) unless the row says otherwise`,
    "cold: the first call in a fresh process on a newly opened store once it is ready as `hearth-collector start` makes it (SQLite's KPI reader process started and awaited, as /readyz does; not timed), so nothing is prepared or cached in the process; the OS page cache and PostgreSQL's shared buffers still hold the data just loaded",
    'the collector runs compiled (packages/collector/dist, as in production; run `pnpm build` first so it matches the sources) when that build exists, else through tsx: the "runtime" of each timing says which',
    `an endpoint still running after ${kpiSettings.limitMs / 1000} s (BENCH_KPI_LIMIT) has its process stopped and is reported as "> limit"`,
    'PostgreSQL is ANALYZEd after the load (as autovacuum would within minutes); SQLite has no statistics (the collector never runs ANALYZE)',
    'the KPI rollups (migration 009) are brought up to date once after the load ("rollup catch-up s"); every timed call still folds in whatever was written since, first',
  ];
  for (const kind of kpiSettings.stores) {
    try {
      results.push(await measureStore(kind));
    } catch (error) {
      notes.push(`${storeLabels[kind]}: failed, ${error instanceof Error ? error.message : String(error)}`);
      console.error(`kpi: ${kind} failed:`, error);
    }
  }
  return {
    name: 'kpi',
    tables: [loadTable(results, kpiSettings.users, days), timingTable(results, kpiSettings.targetMs, kpiSettings.warmRuns, notes)],
    checks: kpiChecks(results, kpiSettings.targetMs, kpiSettings.events),
    data: { settings: kpiSettings, announcements, results, notes },
  };
}

runIfMain(import.meta.url, 'npx tsx bench/kpi.ts', runKpi);
