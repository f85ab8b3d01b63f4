/** What every benchmark hands back to `run.ts`: tables to print and targets to check. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  /** Caveats printed under the table: what was not measured and why. */
  notes?: string[];
}

/** One performance budget, with the measured value; `met: null` means not measured. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchReport {
  name: string;
  tables: Table[];
  checks: TargetCheck[];
  /** Raw figures for the JSON file (per-run values, settings). */
  data: unknown;
}

export function metLabel(met: boolean | null): string {
  if (met === null) return 'not measured';
  return met ? 'yes' : 'NO';
}

/** Table of all budgets, appended once at the end of a combined run. */
export function checksTable(reports: readonly BenchReport[]): Table {
  return {
    title: 'Targets',
    columns: ['benchmark', 'target', 'measured', 'met'],
    rows: reports.flatMap((report) => report.checks.map((check) => [report.name, check.target, check.measured, metLabel(check.met)])),
  };
}
