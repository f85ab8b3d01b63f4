import { describe, expect, it } from 'vitest';
import { createFakeEnv } from '../../test/fake-env.js';
import type { OutboxItem } from './outbox.js';
import { backoff, parseRetryAfter, send, takeBatch } from './transport.js';

const item = (id: string, token?: string, size = 10): OutboxItem => ({
  e: { messageId: id, type: 'track', name: 'x'.repeat(size), anonymousId: 'a1', timestamp: '2025-01-01T00:00:00.000Z' },
  k: token,
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
  });
  it('ignores garbage, clamps past dates to zero and caps long waits', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('86400', now)).toBe(600_000);
  });
});

describe('backoff', () => {
  it('doubles per attempt with jitter between half and all of the ceiling, up to a cap', () => {
    expect(backoff(1, 0)).toBe(500);
    expect(backoff(1, 1)).toBe(1000);
    expect(backoff(3, 0.5)).toBe(3000);
    expect(backoff(30, 1)).toBe(60_000);
  });
});

describe('takeBatch', () => {
  it('stops before an event signed with a different token', () => {
    const batch = takeBatch([item('m1'), item('m2', 'tokA'), item('m3'), item('m4', 'tokB')], 0);
    expect([...(batch?.ids ?? [])]).toEqual(['m1', 'm2', 'm3']);
    expect(JSON.parse(batch?.body ?? '{}').userToken).toBe('tokA');
  });
  it('keeps each body under the byte limit but always takes at least one event', () => {
    const items = [item('m1', undefined, 400), item('m2', undefined, 400), item('m3', undefined, 400)];
    const batch = takeBatch(items, 0, 1300);
    expect(batch?.ids.size).toBe(2);
    expect(takeBatch([item('big', undefined, 5000)], 0, 1000)?.ids.size).toBe(1);
    expect(takeBatch([], 0)).toBeNull();
  });
});

describe('send', () => {
  it('posts text/plain without credentials, keepalive when small', async () => {
    const fake = createFakeEnv();
    const outcome = await send(fake.env, 'https://c.test/v1/batch?key=pk_x', '{"events":[]}');
    expect(outcome).toEqual({ kind: 'ok', result: { accepted: 1, duplicates: 0, conflicts: 0 } });
    const init = fake.fetchCalls[0]?.init;
    expect(init?.headers).toEqual({ 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(init?.credentials).toBe('omit');
    expect(init?.keepalive).toBe(true);
  });
  it('follows the status table', async () => {
    const fake = createFakeEnv();
    const outcomeFor = async (status: number, headers?: HeadersInit) => {
      fake.respond(() => new Response('{}', { status, headers }));
      return send(fake.env, 'https://c.test/', '{}');
    };
    for (const status of [400, 401, 403, 404, 413, 422]) expect((await outcomeFor(status)).kind).toBe('drop');
    for (const status of [408, 429, 500, 503]) expect((await outcomeFor(status)).kind).toBe('retry');
    expect(await outcomeFor(429, { 'Retry-After': '3' })).toEqual({ kind: 'retry', status: 429, after: 3000 });
    fake.respond(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await send(fake.env, 'https://c.test/', '{}')).toEqual({ kind: 'retry', status: 0 });
  });
});
