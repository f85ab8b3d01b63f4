import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchConfig, commandLine } from './config.js';
import { machineInfo, type MachineInfo } from './machine.js';
import type { BenchReport } from './report.js';

export const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoRoot = dirname(benchDir);
export const resultsDir = join(benchDir, 'results');

export interface ResultFile extends BenchReport {
  date: string;
  command: string;
  machine: MachineInfo;
  settings: typeof benchConfig;
}

/**
 * Writes `bench/results/<name>.json`: the figures plus everything needed to judge them
 * (machine, date, settings, the command that reproduces them). Written via a `.tmp` file
 * so an interrupted run never leaves half a JSON file to be committed.
 */
export function writeResult(report: BenchReport, script: string, machine = machineInfo()): ResultFile {
  const file: ResultFile = {
    ...report,
    date: new Date().toISOString(),
    command: commandLine(script),
    machine,
    settings: benchConfig,
  };
  mkdirSync(resultsDir, { recursive: true });
  const target = join(resultsDir, `${report.name}.json`);
  writeFileSync(`${target}.tmp`, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
  return file;
}
