import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';

export interface BodyLimitOptions {
  /** Most bytes accepted, on the wire and again after decompression. */
  maxBytes: number;
}

/**
 * Reads the body into `c.var.body`, counting bytes while they stream in, before and after gzip
 * decompression, and stops reading at the limit: neither a huge upload nor a small gzip bomb
 * is ever held in memory.
 */
export function bodyLimit({ maxBytes }: BodyLimitOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const tooLarge = () => new HttpError(413, 'payload_too_large', `The request body exceeds ${maxBytes} bytes; send smaller batches.`);
    const declared = Number(c.req.header('Content-Length'));
    if (declared > maxBytes) throw tooLarge();

    const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') {
      throw new HttpError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported; send gzip or no encoding.`);
    }
    const raw = c.req.raw.body;
    if (!raw) throw new HttpError(400, 'empty_body', 'The request has no body; send a JSON batch.');

    let stream = raw.pipeThrough(byteCounter(maxBytes, tooLarge));
    if (encoding === 'gzip') stream = stream.pipeThrough(new DecompressionStream('gzip')).pipeThrough(byteCounter(maxBytes, tooLarge));
    const readFailed = () =>
      encoding === 'gzip'
        ? new HttpError(400, 'invalid_gzip', 'The request body is not valid gzip; send valid gzip or no Content-Encoding.')
        : new HttpError(400, 'unreadable_body', 'The request body could not be read completely.');
    c.set('body', await readText(stream, readFailed));
    await next();
  });
}

/** Passes chunks through and errors the stream (cancelling the source) once `max` bytes pass. */
function byteCounter(max: number, error: () => HttpError): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > max) controller.error(error());
      else controller.enqueue(chunk);
    },
  });
}

async function readText(stream: ReadableStream<Uint8Array>, readFailed: () => HttpError): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch (error) {
      throw error instanceof HttpError ? error : readFailed();
    }
    try {
      text += decoder.decode(next.value, { stream: !next.done });
    } catch {
      await reader.cancel();
      throw new HttpError(400, 'invalid_utf8', 'The request body is not valid UTF-8.');
    }
    if (next.done) return text;
  }
}
