import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { StoreOptions } from '../../packages/collector/src/index.js';
import { benchDir } from '../lib/results.js';
import type { KpiEndpoint } from './endpoints.js';
import type { EndpointOutcome } from './time-endpoints.js';

export type { EndpointOutcome } from './time-endpoints.js';

export interface ChildRequest {
  options: StoreOptions;
  endpoint: KpiEndpoint;
  end: number;
  warmRuns: number;
}

/** Times `endpoint` in a child process; kills that child (by its pid) after `limitMs`. */
function timeInChild(request: ChildRequest, limitMs: number): Promise<EndpointOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(join(benchDir, 'kpi/endpoint-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_KPI_CHILD: JSON.stringify(request) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ...request.endpoint, timedOutAfterMs: limitMs });
    }, limitMs);
    child.on('message', (message: { timing?: EndpointOutcome; error?: string }) => {
      clearTimeout(timer);
      if (message.timing) resolve(message.timing);
      else reject(new Error(message.error ?? 'child failed'));
    });
    // After an answer this is a no-op; without one (a child whose work never settled exits 0) it
    // fails the run loudly instead of leaving this promise, and the benchmark, hanging.
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${request.endpoint.label}: child exited with ${code} before answering`));
    });
  });
}

export async function timeEndpointsIsolated(
  options: StoreOptions,
  endpoints: readonly KpiEndpoint[],
  settings: { end: number; warmRuns: number; limitMs: number },
): Promise<EndpointOutcome[]> {
  const outcomes: EndpointOutcome[] = [];
  for (const endpoint of endpoints) {
    const outcome = await timeInChild({ options, endpoint, end: settings.end, warmRuns: settings.warmRuns }, settings.limitMs);
    console.error(
      `kpi:   ${endpoint.label}: ${'coldMs' in outcome ? `cold ${outcome.coldMs.toFixed(1)} ms, warm ${outcome.warmMs.toFixed(1)} ms` : `no answer after ${(outcome.timedOutAfterMs / 1000).toFixed(1)} s`}`,
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
