import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../lib/results.js';
import type { ChildRequest } from './isolated.js';
import { timeEndpoint, type CollectorModule } from './time-endpoints.js';

/**
 * Child-process entry: times one endpoint in a process of its own, so "cold" is a fresh process
 * and a runaway query (better-sqlite3 blocks the event loop) can be stopped by the parent.
 * The collector is the compiled one (`pnpm build`) when there is one, as production runs it: its
 * SQLite KPI reader then forks the compiled worker too, not the TypeScript one through tsx.
 */
const COMPILED = join(repoRoot, 'packages/collector/dist/index.js');
const compiled = existsSync(COMPILED);
const collector = (await import(compiled ? pathToFileURL(COMPILED).href : '../../packages/collector/src/index.js')) as CollectorModule;
const request = JSON.parse(process.env.BENCH_KPI_CHILD ?? '{}') as ChildRequest;
timeEndpoint(collector, compiled ? 'compiled' : 'tsx', request.options, request.endpoint, request.end, request.warmRuns).then(
  (timing) => process.send?.({ timing }, () => process.exit(0)),
  (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
);
