import { pathToFileURL } from 'node:url';
import { formatText } from './format.js';
import type { BenchReport } from './report.js';
import { checksTable } from './report.js';
import { writeResult } from './results.js';

/** Prints a report's tables and its targets, and writes its JSON result file. */
export function publish(report: BenchReport, script: string): void {
  for (const table of [...report.tables, checksTable([report])]) console.log(`\n${formatText(table)}`);
  writeResult(report, script);
  console.log(`\nwrote bench/results/${report.name}.json`);
}

/**
 * Lets each benchmark run alone (`tsx bench/size.ts`) as well as from `bench/run.ts`.
 * The exit code stays 0 when a target is missed: the table says so, and a benchmark on a
 * shared machine should inform, not gate (`pnpm size` is the gate for deterministic sizes).
 */
export function runIfMain(moduleUrl: string, script: string, run: () => Promise<BenchReport>): void {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(entry).href !== moduleUrl) return;
  run().then(
    (report) => publish(report, script),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
