import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { HttpBindings } from '@hono/node-server';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { readIncoming, readWebStream } from './read-body.js';

export interface BodyLimitOptions {
  /** Most bytes accepted, on the wire and again after decompression. */
  maxBytes: number;
}

const gunzipAsync = promisify(gunzip);

/**
 * Reads the body into `c.var.body`, counting bytes while they arrive and stopping at the limit,
 * then inflates gzip with zlib's `maxOutputLength`, which aborts inflation at the limit: neither a
 * huge upload nor a small gzip bomb is ever held in memory. Under node:http the bytes come straight
 * from the IncomingMessage (web streams cost more than the rest of a small batch's parsing).
 */
export function bodyLimit({ maxBytes }: BodyLimitOptions) {
  const tooLarge = () => new HttpError(413, 'payload_too_large', `The request body exceeds ${maxBytes} bytes; send smaller batches.`);
  return createMiddleware<AppEnv>(async (c, next) => {
    const declared = Number(c.req.header('Content-Length'));
    if (declared > maxBytes) throw tooLarge();

    const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') {
      throw new HttpError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported; send gzip or no encoding.`);
    }
    // Present when served by @hono/node-server; tests calling app.request() have only the web body.
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    const webBody = incoming ? null : c.req.raw.body;
    // app.request() without a body has no stream at all where node:http has an empty one: both are ''.
    const read = incoming ? await readIncoming(incoming, maxBytes) : webBody ? await readWebStream(webBody, maxBytes) : new Uint8Array();
    if (read === 'too_large') throw tooLarge();
    if (read === 'unreadable') throw new HttpError(400, 'unreadable_body', 'The request body could not be read completely.');
    const bytes = encoding === 'gzip' ? await inflate(read, maxBytes, tooLarge) : read;
    c.set('body', decodeUtf8(bytes));
    await next();
  });
}

async function inflate(gzipped: Uint8Array, maxBytes: number, tooLarge: () => HttpError): Promise<Uint8Array> {
  try {
    return await gunzipAsync(gzipped, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw new HttpError(400, 'invalid_gzip', 'The request body is not valid gzip; send valid gzip or no Content-Encoding.');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_utf8', 'The request body is not valid UTF-8.');
  }
}
