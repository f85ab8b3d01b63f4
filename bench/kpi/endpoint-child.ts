import { timeEndpoint } from './time-endpoints.js';
import type { ChildRequest } from './isolated.js';

/**
 * Child-process entry: times one endpoint in a process of its own, so "cold" is a fresh process
 * and a runaway query (better-sqlite3 blocks the event loop) can be stopped by the parent.
 */
const request = JSON.parse(process.env.BENCH_KPI_CHILD ?? '{}') as ChildRequest;
timeEndpoint(request.options, request.endpoint, request.end, request.warmRuns).then(
  (timing) => process.send?.({ timing }, () => process.exit(0)),
  (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
);
