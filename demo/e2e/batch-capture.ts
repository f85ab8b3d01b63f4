import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Request } from '@playwright/test';

/** Reads the events of a `POST /v1/batch` request, gzip-encoded or not. */
function batchMessageIds(request: Request): string[] {
  const body = request.postDataBuffer();
  if (!body) return [];
  const encoding = request.headers()['content-encoding'];
  const text = (encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8');
  const batch = JSON.parse(text) as { events: { messageId: string }[] };
  return batch.events.map((event) => event.messageId);
}

/**
 * Records every messageId any page of `context` tried to send, retries and beacons included.
 * Attempts that failed (offline) count too: the widget must deliver them later.
 */
export function captureSentMessageIds(context: BrowserContext): Set<string> {
  const sent = new Set<string>();
  context.on('request', (request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/v1/batch')) return;
    for (const id of batchMessageIds(request)) sent.add(id);
  });
  return sent;
}
