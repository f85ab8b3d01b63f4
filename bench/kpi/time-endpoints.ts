import { performance } from 'node:perf_hooks';
import { createApp, openStore, type StoreOptions } from '../../packages/collector/src/index.js';
import { median } from '../lib/stats.js';
import type { KpiEndpoint } from './endpoints.js';
import { adminRequest } from './load.js';
import { kpiBenchConfig } from './project.js';

export interface EndpointTiming {
  label: string;
  path: string;
  status: number;
  coldMs: number;
  warmMs: number;
  warmRunsMs: number[];
  responseBytes: number;
  /** A few figures of the answer, to show the query really read the data set. */
  sample: string;
}

type Json = Record<string, unknown>;

/** The headline figure of each answer: proof that the timed query found the data. */
function sampleOf(body: Json): string {
  const pick = (...keys: string[]) => keys.filter((k) => k in body && typeof body[k] !== 'object').map((k) => `${k} ${String(body[k])}`);
  const nps = body.nps as Json | null | undefined;
  const parts = [
    ...pick(
      'shown',
      'completed',
      'customersAtStart',
      'retained',
      'newUsers',
      'returned',
      'activeUsers',
      'adopters',
      'events',
      'reach',
      'read',
      'pointsIssued',
      'activeMembers',
    ),
    ...(nps ? [`responses ${String(nps.count)}`, `NPS ${nps.score === null ? 'null' : Number(nps.score).toFixed(1)}`] : []),
    ...(Array.isArray(body.cohorts) ? [`${body.cohorts.length} cohorts`] : []),
    ...(Array.isArray(body.daily) ? [`${body.daily.length} days`] : []),
  ];
  return parts.slice(0, 4).join(', ');
}

async function call(app: ReturnType<typeof createApp>, path: string) {
  const t0 = performance.now();
  // Server-to-server routes take the secret key the same way.
  const res = await adminRequest(app, 'GET', path);
  const text = await res.text();
  return { ms: performance.now() - t0, status: res.status, text };
}

/**
 * One endpoint on a freshly opened store and app (new connection, nothing prepared): the first
 * call is "cold", then `warmRuns` more give the warm median. Opening is not timed.
 */
export async function timeEndpoint(options: StoreOptions, endpoint: KpiEndpoint, end: number, warmRuns: number): Promise<EndpointTiming> {
  const store = await openStore(options);
  try {
    const app = createApp({ store, config: kpiBenchConfig, clock: () => end });
    const cold = await call(app, endpoint.path);
    if (cold.status !== 200) throw new Error(`GET ${endpoint.path}: ${cold.status} ${cold.text.slice(0, 300)}`);
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push((await call(app, endpoint.path)).ms);
    return {
      ...endpoint,
      status: cold.status,
      coldMs: cold.ms,
      warmMs: median(warm),
      warmRunsMs: warm,
      responseBytes: cold.text.length,
      sample: sampleOf(JSON.parse(cold.text) as Json),
    };
  } finally {
    await store.close();
  }
}
