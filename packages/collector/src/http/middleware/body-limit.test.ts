import { gzipSync } from 'node:zlib';
import { MAX_BATCH_BYTES } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { PUBLIC_KEY, batch, post, testApp, trackEvent, errorOf } from '../../test-support/http.js';

const gzip = (value: unknown) => new Uint8Array(gzipSync(JSON.stringify(value)));

/** A body streamed in chunks without Content-Length, as a chunked upload arrives. */
function streamed(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, totalBytes - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe('body limits', () => {
  it('accepts a gzip-encoded batch', async () => {
    const { app } = testApp();
    const res = await post(app, gzip(batch([trackEvent()])), { headers: { 'Content-Encoding': 'gzip' } });
    expect(await res.json()).toMatchObject({ accepted: 1 });
  });

  it('answers 413 for a body over the limit, declared or streamed', async () => {
    const { app } = testApp();
    const declared = await post(app, ' '.repeat(MAX_BATCH_BYTES + 1));
    expect(declared.status).toBe(413);
    const chunked = await app.request(`/v1/batch?key=${PUBLIC_KEY}`, {
      method: 'POST',
      body: streamed(MAX_BATCH_BYTES * 4),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('counts bytes after decompression: a gzip bomb gets 413', async () => {
    const { app, store } = testApp();
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)));
    expect(bomb.byteLength).toBeLessThan(MAX_BATCH_BYTES);
    const res = await post(app, bomb, { headers: { 'Content-Encoding': 'gzip' } });
    expect(res.status).toBe(413);
    expect(await store.listEvents('acme')).toEqual([]);
  });

  it('answers 400 for broken gzip and 415 for an unsupported encoding', async () => {
    const { app } = testApp();
    const broken = await post(app, 'not gzip at all', { headers: { 'Content-Encoding': 'gzip' } });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe('invalid_gzip');
    const brotli = await post(app, 'x', { headers: { 'Content-Encoding': 'br' } });
    expect(brotli.status).toBe(415);
  });

  it('answers 413 naming an event over the per-event limit', async () => {
    const { app } = testApp();
    const big = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'x'.repeat(8_000)]));
    const res = await post(app, batch([trackEvent(), trackEvent({ properties: big })]));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).issues).toEqual([{ path: 'events.1', message: 'an event may be at most 32768 bytes' }]);
  });
});
