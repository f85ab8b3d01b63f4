import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StoreOptions } from '../../packages/collector/src/index.js';
import { median } from '../lib/stats.js';
import type { KpiEndpoint } from './endpoints.js';
import { adminRequest } from './load.js';
import { kpiBenchConfig } from './project.js';

/** The collector's entry points the timing uses: from its compiled build or its TypeScript sources. */
export type CollectorModule = Pick<typeof import('../../packages/collector/src/index.js'), 'createApp' | 'openStore'>;

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
  /** How the collector (and so its SQLite KPI reader process) ran: compiled, as in production, or through tsx. */
  runtime: 'compiled' | 'tsx';
}

/**
 * An endpoint with no answer: the bench stopped it after its limit, or the collector ended its
 * statement itself (503 `store_busy`: PostgreSQL's KPI statement timeout). Shown as "> ms", never as a figure.
 */
export interface TimedOut extends KpiEndpoint {
  timedOutAfterMs: number;
}

export type EndpointOutcome = EndpointTiming | TimedOut;

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

async function call(app: ReturnType<CollectorModule['createApp']>, path: string) {
  const t0 = performance.now();
  // Server-to-server routes take the secret key the same way.
  const res = await adminRequest(app, 'GET', path);
  const text = await res.text();
  return { ms: performance.now() - t0, status: res.status, text };
}

/**
 * One endpoint on a freshly opened store and app, made ready the way `hearth-collector start` makes
 * it: the SQLite KPI reader process is started with the store and awaited (`readiness()`, what
 * `/readyz` answers) before anything is timed, as a balancer sends no request to a collector that
 * is not ready. The first call is then "cold": the process has prepared no statement and cached
 * nothing of its own (the OS page cache and PostgreSQL's buffers still hold the data); `warmRuns`
 * more give the warm median. Opening and the reader's start are not timed.
 */
export async function timeEndpoint(
  collector: CollectorModule,
  runtime: EndpointTiming['runtime'],
  options: StoreOptions,
  endpoint: KpiEndpoint,
  end: number,
  warmRuns: number,
): Promise<EndpointOutcome> {
  const store = await collector.openStore({ ...options, startKpiReader: true });
  try {
    while ((await store.readiness()) !== null) await sleep(10);
    const app = collector.createApp({ store, config: kpiBenchConfig, clock: () => end });
    const cold = await call(app, endpoint.path);
    if (cold.status === 503 && cold.text.includes('"store_busy"')) {
      console.error(`kpi:   ${endpoint.label}: the collector ended the statement after ${cold.ms.toFixed(0)} ms (503 store_busy)`);
      return { ...endpoint, timedOutAfterMs: cold.ms };
    }
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
      runtime,
    };
  } finally {
    await store.close();
  }
}
