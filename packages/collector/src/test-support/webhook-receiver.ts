import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: string;
  headers: IncomingMessage['headers'];
}

export interface WebhookReply {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A real HTTP receiver on a random loopback port, keeping each request's raw body and headers
 * (signatures are checked on the raw body), answering `reply` (204 by default; a 3xx with a
 * `Location` to test redirects), or what `reply` decides per request from the requests received
 * before it (to refuse a first attempt). Call `close` when the test is done.
 */
export async function webhookReceiver(
  reply: WebhookReply | ((request: ReceivedWebhook, earlier: readonly ReceivedWebhook[]) => WebhookReply) = { status: 204 },
) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { body, headers: req.headers };
      const answer = typeof reply === 'function' ? reply(request, received) : reply;
      received.push(request);
      res.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hooks`, port, received, close: () => server.close() };
}
