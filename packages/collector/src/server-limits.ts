import type { Server, ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '@hearth/schema';

/** How long a client may take to send its request; slower ones are answered 408 and cut off. */
export interface HttpTimeouts {
  /** From connection (or the previous response) to the end of the request headers. */
  headersMs: number;
  /** From connection to the end of the request body. */
  requestMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 20_000 };

/**
 * node:http options for `timeouts`. Node checks the deadlines every `connectionsCheckingInterval`
 * (30 s by default, so a slow client outlived its deadline by up to that much): check often.
 */
export function httpServerOptions(timeouts: HttpTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
  };
}

/** Parser-level failures, answered before any route runs: status, code, message. */
function clientErrorAnswer(code: string | undefined): [number, string, string, string] {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'Request Timeout', 'request_timeout', 'The request was not received in time; send it again, faster.'];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large.'];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'Payload Too Large', 'payload_too_large', "The request's chunk extensions are too large."];
    default:
      return [400, 'Bad Request', 'malformed_request', 'The request is not valid HTTP/1.1 (framing, headers or encoding).'];
  }
}

/**
 * Answers what node:http rejects itself (timeouts, bad framing, oversized headers) with the
 * documented JSON error body instead of Node's empty one, then closes the connection. Like Node's
 * default, it writes only while no response has started on the socket.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
    if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] = clientErrorAnswer(error.code);
    const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Access-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n${body}`,
    );
    // A client that never reads must not keep the socket: end() waits for the write to drain.
    setTimeout(() => socket.destroy(), 1_000).unref();
  });
}
