import type { Batch, BatchResult } from '@hearth/schema';
import type { Env } from './env.js';
import type { OutboxItem } from './outbox.js';

/** Browsers cap in-flight keepalive/beacon bodies at 64 KiB in total; stay under it per request. */
export const KEEPALIVE_BYTES = 60_000;
/** Below the schema's MAX_BATCH_EVENTS (500); small batches retry cheaply. */
export const MAX_EVENTS_PER_BATCH = 100;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 60_000;
export const RETRY_AFTER_CAP_MS = 600_000;

export type Outcome =
  { kind: 'ok'; result: BatchResult } | { kind: 'drop'; status: number } | { kind: 'retry'; status: number; after?: number };

/**
 * The lazy UI's way to the collector besides batches (survey answers): a text/plain JSON POST to
 * `path` with the current identity added, one try by the status table; null without consent.
 */
export type Post = (path: string, body: object) => Promise<Outcome | null>;

export interface PreparedBatch {
  items: OutboxItem[];
  ids: Set<string>;
  body: string;
}

export const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * Takes the oldest events that fit one request. A batch carries one `userToken`, so it stops
 * before an event signed with a different token.
 */
export function takeBatch(items: readonly OutboxItem[], sentAt: number, maxBytes = KEEPALIVE_BYTES): PreparedBatch | null {
  const taken: OutboxItem[] = [];
  let token: string | undefined;
  let size = 100;
  for (const item of items) {
    if (item.k && token && item.k !== token) break;
    const bytes = byteLength(JSON.stringify(item.e)) + (token ? 0 : (item.k?.length ?? 0)) + 1;
    if (taken.length && (size + bytes > maxBytes || taken.length >= MAX_EVENTS_PER_BATCH)) break;
    taken.push(item);
    size += bytes;
    token ??= item.k;
  }
  if (!taken.length) return null;
  const batch: Batch = { sentAt: new Date(sentAt).toISOString(), events: taken.map((item) => item.e) };
  if (token) batch.userToken = token;
  return { items: taken, ids: new Set(taken.map((item) => item.e.messageId)), body: JSON.stringify(batch) };
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), RETRY_AFTER_CAP_MS);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so tabs do not retry in step. */
export function backoff(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return ceiling / 2 + (ceiling / 2) * random;
}

/**
 * Sends one batch per the shared status table: 2xx done; 408, 429, 5xx and network errors retry;
 * any other 4xx (400/401/403/413/422…) is dropped. Never throws.
 */
export async function send(env: Env, url: string, body: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await env.fetch(url, {
      method: 'POST',
      body,
      // text/plain is a CORS "simple" content type: no preflight on the hot path.
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      keepalive: byteLength(body) < KEEPALIVE_BYTES,
      credentials: 'omit',
    });
  } catch {
    return { kind: 'retry', status: 0 };
  }
  const { status } = response;
  if (status >= 200 && status < 300) {
    const result = (await response.json().catch(() => null)) as BatchResult | null;
    return { kind: 'ok', result: result ?? { accepted: 0, duplicates: 0, conflicts: 0 } };
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return { kind: 'drop', status };
  return { kind: 'retry', status, after: parseRetryAfter(response.headers.get('Retry-After'), env.now()) };
}
