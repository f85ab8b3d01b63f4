import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runIfMain } from './lib/cli.js';
import type { BenchReport } from './lib/report.js';
import { repoRoot } from './lib/results.js';

/**
 * KPI query speed (issue 8, part 4). Not wired yet: it needs the collector's KPI queries
 * (packages/collector/src/kpi) bound to both stores, and write paths for NPS responses,
 * checklist progress and ledger entries. Until then this reports "not measured" rather than
 * timing queries written here, which would measure the benchmark, not Hearth.
 *
 * Data set design, for when it is wired (deterministic, seeded PRNG, loaded through the
 * collector's own write paths so the store holds exactly what production would):
 * - 10,000 users, signups spread over 120 days ending at the run's fixed "today"; 90 days of
 *   activity with a decaying retention curve (daily actives ~25–35 % of users).
 * - ≥ 1,000,000 track/page/identify events (~250 bytes, time-ordered messageIds) in batches of
 *   500 through the batch endpoint, so group commit and deduplication are the production ones.
 * - NPS responses from ~5 % of active users per day (scores skewed like real NPS: ~45 %
 *   promoters, ~30 % passives, ~25 % detractors), checklist progress for 80 % of users with a
 *   per-item funnel, and ledger entries (points earned/redeemed) for 30 % of users.
 * - Each KPI endpoint the dashboard uses is timed cold (fresh process and store connection)
 *   and warm (median of 10), on SQLite and PostgreSQL; rollup answers compared with the raw query.
 */
const KPI_DIR = join(repoRoot, 'packages/collector/src/kpi');

function kpiQueryFiles(): string[] {
  if (!existsSync(KPI_DIR)) return [];
  return readdirSync(KPI_DIR).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
}

export async function runKpi(): Promise<BenchReport> {
  const queries = kpiQueryFiles();
  const reason = 'not measured yet: KPI queries not wired to stores';
  const found = queries.length ? `${queries.length} KPI files exist (${queries.join(', ')}) but no benchmark binding yet` : 'no KPI queries in packages/collector/src/kpi';
  return {
    name: 'kpi',
    tables: [{ title: 'KPI queries', columns: ['measure', 'result'], rows: [['every KPI endpoint, cold and warm', reason]], notes: [found] }],
    checks: [{ target: 'each KPI query ≤ 200 ms on 1M events, both stores', measured: reason, met: null }],
    data: { reason, kpiFiles: queries },
  };
}

runIfMain(import.meta.url, 'npx tsx bench/kpi.ts', runKpi);
