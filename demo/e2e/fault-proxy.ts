import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the requests reaching it from now on. */
export type Fault =
  | { kind: 'none' }
  /** Every connection is cut before an answer: the collector is down or unreachable. */
  | { kind: 'unreachable' }
  /** The next `times` batches are answered with `status` and `Retry-After`, as the collector would, without reaching it. */
  | { kind: 'retry-after'; status: 429 | 503; seconds: number; times: number };

/** One `POST /v1/batch` (fetch or beacon) that reached the proxy. */
export type BatchArrival = { at: number; messageIds: string[]; answer: number | 'cut' };

export type FaultProxy = {
  url: string;
  fail(fault: Fault): void;
  /** Every batch that arrived, in order, whatever the proxy did with it. */
  readonly batches: readonly BatchArrival[];
  close(): Promise<void>;
};

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

function messageIds(body: Buffer): string[] {
  try {
    return (JSON.parse(body.toString('utf8')) as { events: { messageId: string }[] }).events.map((event) => event.messageId);
  } catch {
    return [];
  }
}

/**
 * A small HTTP proxy between the browser and the collector that records every batch and injects
 * the faults a real network has: an unreachable collector, or a 429/503 naming a `Retry-After`.
 * Everything else (the SDK script, `/v1/state`, …) passes through unchanged.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let fault: Fault = { kind: 'none' };
  const batches: BatchArrival[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const outgoing = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => res.destroy());
    outgoing.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const isBatch = req.method === 'POST' && new URL(req.url ?? '/', 'http://proxy.invalid').pathname === '/v1/batch';
      const arrival: BatchArrival = { at: Date.now(), messageIds: isBatch ? messageIds(body) : [], answer: 200 };
      if (isBatch) batches.push(arrival);
      if (fault.kind === 'unreachable') {
        arrival.answer = 'cut';
        req.socket.destroy();
        return;
      }
      if (isBatch && fault.kind === 'retry-after') {
        const { status, seconds } = fault;
        if (--fault.times <= 0) fault = { kind: 'none' };
        arrival.answer = status;
        // Headers as the collector sends them: a cross-origin page may read Retry-After.
        res.writeHead(status, {
          'Content-Type': 'application/json',
          'Retry-After': String(seconds),
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Expose-Headers': 'Retry-After',
        });
        res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'injected by the test proxy' } }));
        return;
      }
      forward(req, res, body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fail(next) {
      fault = { ...next };
    },
    batches,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
