import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { batch, errorOf, post, testApp, trackEvent } from '../test-support/http.js';

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Each hostile body, and the status and error code it must get. */
const cases: { name: string; body: () => string | Uint8Array; headers?: Record<string, string>; status: number; code: string }[] = [
  { name: 'malformed JSON', body: () => '{"sentAt": "2026-11-22T12:00:00Z", "events": [', status: 400, code: 'malformed_json' },
  { name: 'not JSON at all', body: () => '<html>', status: 400, code: 'malformed_json' },
  { name: 'empty body', body: () => '', status: 400, code: 'malformed_json' },
  { name: 'wrong top-level type', body: () => '[1,2,3]', status: 400, code: 'invalid_batch' },
  {
    name: 'wrong field types',
    body: () => JSON.stringify(batch([trackEvent({ messageId: 42, properties: 'x' })])),
    status: 400,
    code: 'invalid_batch',
  },
  {
    name: 'huge string',
    body: () => JSON.stringify(batch([trackEvent({ name: 'x'.repeat(400_000) })])),
    status: 400,
    code: 'invalid_batch',
  },
  {
    name: 'deep nesting in properties',
    body: () =>
      `{"sentAt":"2026-11-22T12:00:00Z","events":[{"messageId":"msg_deep_0001","anonymousId":"a","type":"track","name":"n","timestamp":"2026-11-22T12:00:00Z","properties":{"a":${deepArray(100_000)}}}]}`,
    status: 400,
    code: 'invalid_batch',
  },
  { name: 'deep nesting as the whole body', body: () => deepArray(200_000), status: 400, code: 'invalid_batch' },
  {
    name: '__proto__ key in properties',
    body: () => JSON.stringify(batch([trackEvent()])).replace('"properties":{', '"properties":{"__proto__":{"admin":true},'),
    status: 400,
    code: 'invalid_batch',
  },
  { name: 'invalid UTF-8', body: () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), status: 400, code: 'invalid_utf8' },
  {
    name: 'gzip bomb',
    body: () => new Uint8Array(gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x5b))),
    headers: { 'Content-Encoding': 'gzip' },
    status: 413,
    code: 'payload_too_large',
  },
];

describe('hostile input', () => {
  it.each(cases)('$name → $status $code, nothing stored, still serving', async ({ body, headers, status, code }) => {
    const { app, store } = testApp();
    const res = await post(app, body(), headers ? { headers } : {});
    expect(res.status).toBe(status);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await store.listEvents('acme')).toEqual([]);
    expect(await (await post(app, batch([trackEvent()]))).json()).toMatchObject({ accepted: 1 });
  });

  it('never pollutes Object.prototype', async () => {
    const { app } = testApp();
    const body = JSON.stringify(batch([trackEvent()])).replace('{"sentAt"', '{"__proto__":{"polluted":true},"sentAt"');
    await post(app, body);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
