import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Hop-by-hop headers, and what `fetch` recomputes (it sets the upstream's host and decodes bodies). */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);
const NOT_RETURNED = new Set([...NOT_FORWARDED, 'content-encoding', 'set-cookie']);

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || NOT_FORWARDED.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export interface RoundRobinProxy {
  url: string;
  /** Requests each upstream answered, by upstream URL (a refused connection does not count). */
  answered: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A load balancer as small as a test needs: round-robin over `upstreams`, and a request an
 * upstream fails (refused connection, or the process died while answering) goes to the next one,
 * the way load balancers retry on a dead backend. Requests and answers pass through unchanged
 * (cookies, CORS and cache headers included), so a browser can use it as "the collector".
 */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const answered = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = forwardedHeaders(req);
      for (let tries = 0; tries < upstreams.length; tries++) {
        const upstream = upstreams[next++ % upstreams.length]!;
        try {
          const answer = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body, redirect: 'manual' });
          const payload = Buffer.from(await answer.arrayBuffer());
          const returned: Record<string, string | string[]> = {};
          answer.headers.forEach((value, name) => {
            if (!NOT_RETURNED.has(name)) returned[name] = value;
          });
          const cookies = answer.headers.getSetCookie();
          if (cookies.length > 0) returned['set-cookie'] = cookies;
          answered.set(upstream, (answered.get(upstream) ?? 0) + 1);
          res.writeHead(answer.status, returned).end(payload);
          return;
        } catch {
          // That instance is gone: the next one takes the request.
        }
      }
      res.writeHead(502, { 'content-type': 'text/plain' }).end('no upstream answered');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; close() would otherwise wait for them.
        server.closeAllConnections();
      }),
  };
}
