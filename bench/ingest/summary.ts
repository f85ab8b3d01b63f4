import { integer } from '../lib/format.js';
import type { Table, TargetCheck } from '../lib/report.js';
import { medianOf, round } from '../lib/stats.js';
import type { LoadResult } from './load.js';
import { targetLabels, type IngestTarget } from './targets.js';

export interface IngestCell extends LoadResult {
  target: IngestTarget;
  batchSize: number;
  run: number;
  /** Server process CPU (user + system) per stored event during the timed load; null if none stored. */
  cpuUsPerEvent: number | null;
  peakRssMiB: number;
}

export interface IngestSummary {
  target: IngestTarget;
  batchSize: number;
  runs: number;
  eventsPerSec: number;
  requestsPerSec: number;
  /** Collector requests/s ÷ bare-handler requests/s at the same batch size. */
  ratioToBare: number | null;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerEvent: number | null;
  errors: number;
  non2xx: number;
  peakRssMiB: number;
}

/** Medians across runs per (target, batch size); errors are summed, never hidden by a median. */
export function summarize(cells: readonly IngestCell[]): IngestSummary[] {
  const groups = new Map<string, IngestCell[]>();
  for (const cell of cells) {
    const key = `${cell.target}/${cell.batchSize}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const summaries = [...groups.values()].map((runs) => ({
    target: runs[0]!.target,
    batchSize: runs[0]!.batchSize,
    runs: runs.length,
    eventsPerSec: medianOf(runs, (r) => r.eventsPerSec),
    requestsPerSec: medianOf(runs, (r) => r.requestsPerSec),
    ratioToBare: null as number | null,
    p50Ms: medianOf(runs, (r) => r.p50Ms),
    p99Ms: medianOf(runs, (r) => r.p99Ms),
    cpuUsPerEvent: runs.some((r) => r.cpuUsPerEvent === null) ? null : medianOf(runs, (r) => r.cpuUsPerEvent!),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    peakRssMiB: medianOf(runs, (r) => r.peakRssMiB),
  }));
  for (const summary of summaries) {
    const bare = summaries.find((s) => s.target === 'bare' && s.batchSize === summary.batchSize);
    if (bare && summary.target !== 'bare') summary.ratioToBare = summary.requestsPerSec / bare.requestsPerSec;
  }
  return summaries;
}

export function ingestTable(summaries: readonly IngestSummary[], notes: readonly string[]): Table {
  return {
    title: 'Ingest throughput (loopback, medians of runs)',
    columns: [
      'server',
      'batch',
      'events/s',
      'requests/s',
      '× bare req/s',
      'p50 ms',
      'p99 ms',
      'server CPU µs/event',
      'errors',
      'non-2xx',
      'peak RSS MiB',
    ],
    rows: summaries.map((s) => [
      targetLabels[s.target],
      String(s.batchSize),
      integer(s.eventsPerSec),
      integer(s.requestsPerSec),
      s.ratioToBare === null ? '—' : `${round(s.ratioToBare * 100)} %`,
      String(round(s.p50Ms, 1)),
      String(round(s.p99Ms, 1)),
      s.cpuUsPerEvent === null ? '—' : String(round(s.cpuUsPerEvent, 1)),
      String(s.errors),
      String(s.non2xx),
      String(round(s.peakRssMiB)),
    ]),
    notes: [
      "server CPU µs/event: the server process's user + system CPU during the timed load ÷ events stored; unlike events/s it hardly depends on other load on the machine",
      ...notes,
    ],
  };
}

/** The ingest targets (docs/performance.md, "Budgets"), per store. */
export function ingestChecks(summaries: readonly IngestSummary[]): TargetCheck[] {
  return (['sqlite', 'postgres'] as const).flatMap((store) => {
    const at20 = summaries.find((s) => s.target === store && s.batchSize === 20);
    const at1 = summaries.find((s) => s.target === store && s.batchSize === 1);
    return [
      {
        target: `${store}: ≥ 40,000 events/s at batch 20 with p99 < 50 ms`,
        measured: at20 ? `${integer(at20.eventsPerSec)} events/s, p99 ${round(at20.p99Ms, 1)} ms` : 'not measured',
        met: at20 ? at20.eventsPerSec >= 40_000 && at20.p99Ms < 50 && at20.non2xx + at20.errors === 0 : null,
      },
      {
        target: `${store}: ≥ 50 % of bare request rate at batch 1`,
        measured: at1?.ratioToBare != null ? `${round(at1.ratioToBare * 100)} % (${integer(at1.requestsPerSec)} req/s)` : 'not measured',
        met: at1?.ratioToBare != null ? at1.ratioToBare >= 0.5 : null,
      },
    ];
  });
}
