import { benchConfig } from './lib/config.js';
import { runIfMain } from './lib/cli.js';
import type { BenchReport } from './lib/report.js';
import { runLoad } from './ingest/load.js';
import { checkCollectorStores } from './ingest/sanity-check.js';
import { ingestChecks, ingestTable, summarize, type IngestCell } from './ingest/summary.js';
import { ingestTargets, startTarget, targetLabels, unavailableReason, type IngestTarget } from './ingest/targets.js';

const BATCH_SIZES = [1, 20, 100] as const;

/** One measured cell: fresh server and store, sanity batch, warm-up, then the timed load. */
async function measureCell(target: IngestTarget, batchSize: number, run: number): Promise<IngestCell> {
  const running = await startTarget(target);
  try {
    const { url } = running.server;
    if (target !== 'bare') await checkCollectorStores(url, batchSize);
    const load = { url, batchSize, connections: benchConfig.connections };
    // Warm-up lets V8 optimise the hot path and the store reach its steady state.
    await runLoad({ ...load, seconds: benchConfig.ingestWarmupSeconds });
    const cpuBefore = running.server.cpuMs();
    const result = await runLoad({ ...load, seconds: benchConfig.ingestSeconds });
    const cpuMs = running.server.cpuMs() - cpuBefore;
    const events = result.eventsPerSec * benchConfig.ingestSeconds;
    const cpuUsPerEvent = events > 0 ? (cpuMs * 1000) / events : null;
    return { target, batchSize, run, ...result, cpuUsPerEvent, peakRssMiB: running.server.peakRssMiB() };
  } finally {
    await running.dispose();
  }
}

export async function runIngest(): Promise<BenchReport> {
  const notes: string[] = [];
  const targets = ingestTargets.filter((target) => {
    const reason = unavailableReason(target);
    if (reason) notes.push(`${targetLabels[target]}: not measured, ${reason}`);
    return reason === null;
  });
  const failed = new Set<IngestTarget>();
  const cells: IngestCell[] = [];
  // Runs are the outer loop so slow drift on the shared machine spreads over all targets.
  for (let run = 1; run <= benchConfig.ingestRuns; run++) {
    for (const batchSize of BATCH_SIZES) {
      for (const target of targets.filter((t) => !failed.has(t))) {
        console.error(`ingest: run ${run}/${benchConfig.ingestRuns}, ${targetLabels[target]}, batch ${batchSize}`);
        try {
          cells.push(await measureCell(target, batchSize, run));
        } catch (error) {
          failed.add(target);
          notes.push(`${targetLabels[target]}: failed, ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
  const summaries = summarize(cells);
  return {
    name: 'ingest',
    tables: [ingestTable(summaries, notes)],
    checks: ingestChecks(summaries),
    data: { batchSizes: BATCH_SIZES, summaries, cells, notes },
  };
}

runIfMain(import.meta.url, 'npx tsx bench/ingest.ts', runIngest);
