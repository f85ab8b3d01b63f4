import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorBodySchema } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from './server.js';
import { PUBLIC_KEY, testConfig } from './test-support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-limits-'));
let collector: RunningCollector;
beforeAll(async () => {
  collector = await startCollector({
    config: testConfig({ allowedOrigins: ['*'] }),
    port: 0,
    sqliteFile: join(dir, 's.sqlite'),
    timeouts: { headersMs: 300, requestMs: 600 },
  });
});
afterAll(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a raw connection, writes `first`, and resolves with everything the server sent once it closes. */
function rawExchange(first: string, options: { trickle?: string } = {}): Promise<{ text: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(collector.port, '127.0.0.1');
    let text = '';
    let trickle: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(first);
      // A slow client: one byte every 100 ms, never finishing.
      if (options.trickle) trickle = setInterval(() => socket.writable && socket.write(options.trickle!), 100);
    });
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(trickle);
      resolve({ text, socket });
    });
    setTimeout(() => reject(new Error(`connection still open; got ${JSON.stringify(text)}`)), 10_000).unref();
  });
}

const parse = (text: string) => {
  const [head, body = ''] = text.split('\r\n\r\n');
  return { status: Number(head!.split(' ')[1]), head: head!, body: errorBodySchema.parse(JSON.parse(body)) };
};

describe('HTTP limits of the real server', () => {
  it('answers a client that never finishes its headers 408 with the JSON error body, then closes', async () => {
    const { text } = await rawExchange('GET /healthz HTTP/1.1\r\nHost: x\r\n', { trickle: 'X' });
    const answer = parse(text);
    expect(answer.status).toBe(408);
    expect(answer.head).toMatch(/content-type: application\/json/i);
    expect(answer.body.error.code).toBe('request_timeout');
  });

  it('answers a client that trickles its body 408', async () => {
    const head = `POST /v1/batch?key=${PUBLIC_KEY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"sentAt":`;
    const { text } = await rawExchange(head, { trickle: ' ' });
    const answer = parse(text);
    expect(answer.status).toBe(408);
    expect(answer.body.error.code).toBe('request_timeout');
  });

  it('cuts off many slow clients at once and keeps serving others', async () => {
    const slow = Array.from({ length: 50 }, () => rawExchange('GET /healthz HTTP/1.1\r\nHost: x\r\n', { trickle: 'X' }));
    expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
    const answers = await Promise.all(slow);
    expect(answers.map(({ text }) => parse(text).status)).toEqual(answers.map(() => 408));
  });

  it.each([
    [
      'bad framing',
      'POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      400,
      'malformed_request',
    ],
    ['an invalid header line', 'GET /healthz HTTP/1.1\r\nHo st: x\r\n\r\n', 400, 'malformed_request'],
    ['oversized headers', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
  ])('answers %s with the JSON error body', async (_name, request, status, code) => {
    const answer = parse((await rawExchange(request)).text);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });
});
