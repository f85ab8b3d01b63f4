import { createBatchBodies } from './batch-body.js';
import { benchProject } from './bench-project.js';

/**
 * Before loading a collector, send one batch and require `200 {accepted: batchSize}`: a
 * collector that answers fast but stores nothing (or refuses everything) must not produce a
 * throughput figure.
 */
export async function checkCollectorStores(url: string, batchSize: number): Promise<void> {
  const response = await fetch(`${url}/v1/batch?key=${benchProject.publicKey}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: createBatchBodies(batchSize)(),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`sanity batch: expected 200, got ${response.status}: ${text.slice(0, 300)}`);
  }
  const result = JSON.parse(text) as { accepted?: unknown };
  if (result.accepted !== batchSize) {
    throw new Error(`sanity batch: expected accepted=${batchSize}, got ${text.slice(0, 300)}`);
  }
}
