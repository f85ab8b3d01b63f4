import { execFileSync } from 'node:child_process';

/** The KPI reader processes `pid` started (their command line names the worker module). */
export function kpiReadersOf(pid: number): number[] {
  const lines = (() => {
    try {
      return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
    } catch {
      return ''; // ps exits 1 when there is no child at all
    }
  })();
  return lines
    .split('\n')
    .filter((line) => line.includes('sqlite-kpi-worker'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
