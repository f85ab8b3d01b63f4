import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, type WebhookAttempt, type WebhookDelivery } from './deliver.js';
import { verifyWebhook } from '@hearth/node';

const secret = 'whsec_test_0123456789abcdefghij';
const NOW = new Date('2026-03-15T12:00:00Z');

interface Received {
  body: string;
  headers: IncomingMessage['headers'];
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A real receiver on 127.0.0.1 (random port) answering the given statuses in turn, then 200. */
async function receiver(statuses: Array<number | [number, Record<string, string>]>): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      const next = statuses[received.length - 1] ?? 200;
      const [status, headers] = Array.isArray(next) ? next : [next, {}];
      res.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hearth`, received };
}

function setup(url: string) {
  const attempts: WebhookAttempt[] = [];
  const sleeps: number[] = [];
  const delivery: WebhookDelivery = { url, secrets: [secret], deliveryId: 'dlv_1', event: 'survey.response.created', body: '{"score":3}' };
  const options = {
    recorder: { record: (a: WebhookAttempt) => void attempts.push(a) },
    // The receivers run on 127.0.0.1: as a project that allows private targets.
    policy: { allowPrivate: true },
    baseDelayMs: 1_000,
    maxDelayMs: 60_000,
    now: () => NOW,
    // No real waiting: the planned delays are recorded and checked instead.
    sleep: async (ms: number) => void sleeps.push(ms),
    random: () => 0.5,
  };
  return { attempts, sleeps, delivery, options };
}

describe('deliverWebhook', () => {
  it('retries a failing receiver with backoff until it succeeds, recording every attempt', async () => {
    const { url, received } = await receiver([500, 503]);
    const { attempts, sleeps, delivery, options } = setup(url);
    expect(await deliverWebhook(delivery, options)).toEqual({ delivered: true, attempts: 3 });
    expect(received).toHaveLength(3);
    expect(sleeps).toEqual([500, 1_000]);
    expect(attempts.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
      [1, 500, 'retry'],
      [2, 503, 'retry'],
      [3, 200, 'delivered'],
    ]);
    expect(attempts[0]).toMatchObject({ deliveryId: 'dlv_1', url, error: 'HTTP 500', nextAttemptAt: new Date(NOW.getTime() + 500) });
  });

  it('sends a body the receiver can verify, with delivery and event headers', async () => {
    const { url, received } = await receiver([]);
    const { delivery, options } = setup(url);
    await deliverWebhook(delivery, options);
    const [request] = received;
    expect(request?.body).toBe('{"score":3}');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['hearth-delivery']).toBe('dlv_1');
    expect(request?.headers['hearth-event']).toBe('survey.response.created');
    const header = request?.headers['hearth-signature'] as string;
    expect(verifyWebhook({ body: request!.body, header, secrets: [secret], now: NOW.getTime() / 1000 })).toEqual({
      ok: true,
      timestamp: NOW.getTime() / 1000,
    });
  });

  it('gives up after maxAttempts, and does not retry a refusal', async () => {
    const failing = await receiver([500, 500, 500, 500]);
    const first = setup(failing.url);
    expect(await deliverWebhook(first.delivery, { ...first.options, maxAttempts: 3 })).toEqual({ delivered: false, attempts: 3 });
    expect(first.attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'failed']);
    expect(first.attempts.at(-1)?.nextAttemptAt).toBeNull();
    await new Promise((resolve) => server!.close(resolve));

    const refusing = await receiver([410]);
    const second = setup(refusing.url);
    expect(await deliverWebhook(second.delivery, second.options)).toEqual({ delivered: false, attempts: 1 });
    expect(refusing.received).toHaveLength(1);
  });

  it('honours Retry-After on 429, capped at maxDelayMs', async () => {
    const { url } = await receiver([
      [429, { 'retry-after': '7' }],
      [429, { 'retry-after': '9999' }],
    ]);
    const { sleeps, delivery, options } = setup(url);
    expect(await deliverWebhook(delivery, options)).toEqual({ delivered: true, attempts: 3 });
    expect(sleeps).toEqual([7_000, 60_000]);
  });

  it('retries network errors (nothing listening) and records them without a status', async () => {
    const { url } = await receiver([]);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const { attempts, delivery, options } = setup(url);
    expect(await deliverWebhook(delivery, { ...options, maxAttempts: 2 })).toEqual({ delivered: false, attempts: 2 });
    expect(attempts.map((a) => [a.status, a.outcome])).toEqual([
      [null, 'retry'],
      [null, 'failed'],
    ]);
    expect(attempts[0]?.error).toBeTruthy();
  });
});
