import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchConfig, commandLine } from './lib/config.js';
import { publish } from './lib/cli.js';
import { formatMarkdown, formatText } from './lib/format.js';
import { describeMachine, machineInfo } from './lib/machine.js';
import { checksTable, type BenchReport } from './lib/report.js';
import { repoRoot, resultsDir } from './lib/results.js';
import { updatePerformanceDoc } from './lib/update-doc.js';
import { runIngest } from './ingest.js';
import { runGrowth } from './growth.js';
import { runKpi } from './kpi.js';
import { runPageImpact } from './page-impact.js';
import { runScaleOut } from './scale-out.js';
import { runSize } from './size.js';

/**
 * `pnpm bench`: every benchmark in turn (never in parallel: they share two cores), each writing
 * bench/results/<name>.json, then one combined table and bench/results/latest.md.
 * `BENCH_ONLY=size,ingest` picks benchmarks; `BENCH_UPDATE_DOCS=1` also rewrites the table in
 * docs/performance.md (only for a full, non-quick run, so the docs never show smoke figures).
 */
const benchmarks: Record<string, () => Promise<BenchReport>> = {
  size: runSize,
  ingest: runIngest,
  'page-impact': runPageImpact,
  kpi: runKpi,
  growth: runGrowth,
  'scale-out': runScaleOut,
};

const only = process.env.BENCH_ONLY?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = only?.filter((name) => !(name in benchmarks)) ?? [];
if (unknown.length) throw new Error(`BENCH_ONLY: unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);

const machine = machineInfo();
const reports: BenchReport[] = [];
let failed = false;
for (const [name, run] of Object.entries(benchmarks)) {
  if (only && !only.includes(name)) continue;
  console.error(`\n### ${name}`);
  try {
    const report = await run();
    publish(report, 'pnpm bench');
    reports.push(report);
  } catch (error) {
    failed = true;
    console.error(`${name} failed:`, error);
  }
}

const tables = [...reports.flatMap((r) => r.tables), checksTable(reports)];
const command = commandLine('pnpm bench');
// Other work on the shared cores skews figures: the load before and after frames the run.
const loadAtEnd = Math.round(loadavg()[0]! * 100) / 100;
const header = `Machine: ${describeMachine(machine)}, load ${loadAtEnd} at end\nDate: ${new Date().toISOString()}\nCommand: ${command}${benchConfig.quick ? ' (QUICK smoke mode: not for publishing)' : ''}`;
console.log(`\n${'='.repeat(20)} Hearth benchmarks\n${header}\n\n${tables.map(formatText).join('\n\n')}`);

const markdown = `${header
  .split('\n')
  .map((line) => `${line}  `)
  .join('\n')}\n\n${tables.map(formatMarkdown).join('\n\n')}\n`;
writeFileSync(join(resultsDir, 'latest.md'), markdown);
console.log('\nwrote bench/results/latest.md');
if (process.env.BENCH_UPDATE_DOCS === '1') {
  if (benchConfig.quick || only || failed)
    console.error('BENCH_UPDATE_DOCS ignored: only a full, non-quick, successful run updates the docs');
  else updatePerformanceDoc(join(repoRoot, 'docs/performance.md'), markdown);
}
if (failed) process.exitCode = 1;
