import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { MAX_BATCH_BYTES } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_KEY, batch, testApp, trackEvent } from '../../test-support/http.js';

/**
 * The same limits through node:http, where the body is read from the IncomingMessage rather than
 * a web stream (body-limit.test.ts covers the web-stream path through app.request).
 */
describe('body limits under node:http', () => {
  const { app, store } = testApp();
  let server: ServerType;
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `chunks` one by one, chunked (no Content-Length), as a streamed upload arrives. */
  const post = (chunks: Buffer[], headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', path: `/v1/batch?key=${PUBLIC_KEY}`, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });

  it('stores a plain batch sent in pieces and a gzip batch', async () => {
    const text = Buffer.from(JSON.stringify(batch([trackEvent(), trackEvent()])));
    const plain = await post([text.subarray(0, 10), text.subarray(10)]);
    expect(plain).toMatchObject({ status: 200 });
    expect(JSON.parse(plain.body)).toEqual({ accepted: 2, duplicates: 0, conflicts: 0 });
    const gzipped = await post([gzipSync(JSON.stringify(batch([trackEvent()])))], { 'Content-Encoding': 'gzip' });
    expect(JSON.parse(gzipped.body)).toMatchObject({ accepted: 1 });
  });

  it('answers 413 to a chunked upload over the limit and to a gzip bomb, storing nothing', async () => {
    const before = (await store.listEvents('acme')).length;
    const big = await post(Array.from({ length: 4 }, () => Buffer.alloc(MAX_BATCH_BYTES / 2, 0x20)));
    expect(big.status).toBe(413);
    const bomb = await post([gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20))], { 'Content-Encoding': 'gzip' });
    expect(bomb.status).toBe(413);
    expect(JSON.parse(bomb.body).error.code).toBe('payload_too_large');
    expect(await store.listEvents('acme')).toHaveLength(before);
  });

  it('answers 400 for broken gzip and invalid UTF-8', async () => {
    const broken = await post([Buffer.from('not gzip')], { 'Content-Encoding': 'gzip' });
    expect(JSON.parse(broken.body).error.code).toBe('invalid_gzip');
    const latin1 = await post([Buffer.from([0x7b, 0xff, 0x7d])]);
    expect(JSON.parse(latin1.body).error.code).toBe('invalid_utf8');
  });
});
