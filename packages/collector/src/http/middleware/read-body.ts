import type { IncomingMessage } from 'node:http';

/** The body's bytes, or why there are none: over the limit, or the stream failed (client gone). */
export type ReadResult = Uint8Array | 'too_large' | 'unreadable';

/**
 * Collects an IncomingMessage up to `max` bytes. Past the limit it stops listening and pauses the
 * request; @hono/node-server drains (bounded) or closes what the client still sends after the answer.
 */
export function readIncoming(incoming: IncomingMessage, max: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: ReadResult) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onFailure);
      incoming.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total <= max) chunks.push(chunk);
      else {
        incoming.pause();
        finish('too_large');
      }
    };
    const onEnd = () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    const onFailure = () => finish('unreadable');
    const onClose = () => {
      if (!incoming.readableEnded) onFailure();
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onFailure);
    incoming.on('close', onClose);
  });
}

/** The same for a web stream (the app called without node:http, as tests do); cancels past the limit. */
export async function readWebStream(stream: ReadableStream<Uint8Array>, max: number): Promise<ReadResult> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch {
      return 'unreadable';
    }
    if (next.done) return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    total += next.value.byteLength;
    if (total > max) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(next.value);
  }
}
