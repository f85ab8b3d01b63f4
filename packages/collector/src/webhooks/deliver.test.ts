import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendWebhook, type WebhookDelivery } from './deliver.js';
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

const delivery = (url: string): WebhookDelivery => ({
  url,
  secrets: [secret],
  deliveryId: 'dlv_1',
  event: 'survey.response.created',
  body: '{"score":3}',
});
// The receivers run on 127.0.0.1: as a project that allows private targets.
const options = { policy: { allowPrivate: true }, now: NOW.getTime() };

describe('sendWebhook (one attempt; retries are jobs)', () => {
  it('tells a delivered attempt from one worth retrying and one that is final', async () => {
    const { url, received } = await receiver([500, 503, 408, 410, 200]);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await sendWebhook(delivery(url), options));
    expect(received).toHaveLength(5);
    expect(outcomes.map((o) => [o.status, o.outcome, o.error])).toEqual([
      [500, 'retry', 'HTTP 500'],
      [503, 'retry', 'HTTP 503'],
      [408, 'retry', 'HTTP 408'],
      [410, 'failed', 'HTTP 410'],
      [200, 'delivered', null],
    ]);
  });

  it('sends a body the receiver can verify, with delivery and event headers', async () => {
    const { url, received } = await receiver([]);
    await sendWebhook(delivery(url), options);
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

  it("passes on a 429's Retry-After, and never follows a redirect", async () => {
    const { url } = await receiver([
      [429, { 'retry-after': '7' }],
      [307, { location: 'http://elsewhere.test/' }],
    ]);
    expect(await sendWebhook(delivery(url), options)).toEqual({ status: 429, error: 'HTTP 429', outcome: 'retry', retryAfterMs: 7_000 });
    expect(await sendWebhook(delivery(url), options)).toEqual({
      status: 307,
      error: 'HTTP 307: redirect to http://elsewhere.test/ not followed',
      outcome: 'failed',
      retryAfterMs: null,
    });
  });

  it('retries network errors (nothing listening) without a status, and refuses a private target for good', async () => {
    const { url } = await receiver([]);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const down = await sendWebhook(delivery(url), options);
    expect(down).toMatchObject({ status: null, outcome: 'retry' });
    expect(down.error).toBeTruthy();
    const refused = await sendWebhook(delivery(url), { ...options, policy: { allowPrivate: false } });
    expect(refused).toMatchObject({ status: null, outcome: 'failed', error: expect.stringContaining('refused to connect') });
  });
});
