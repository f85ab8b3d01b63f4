import autocannon from 'autocannon';
import { createBatchBodies } from './batch-body.js';
import { benchProject } from './bench-project.js';

export interface LoadOptions {
  url: string;
  batchSize: number;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  requestsPerSec: number;
  eventsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/**
 * A fixed-duration, closed-loop load (each connection sends its next batch when the previous
 * answer arrives) that stops by itself. Every request carries a fresh body with new messageIds.
 * Throughput counts only 2xx answers: an error is not work done.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const nextBody = createBatchBodies(options.batchSize);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path: `/v1/batch?key=${benchProject.publicKey}`,
        // The widget's content type: text/plain avoids a CORS preflight in browsers.
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });
  const ok = result['2xx'];
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  return {
    requestsPerSec: ok / result.duration,
    eventsPerSec: (ok * options.batchSize) / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes,
  };
}
