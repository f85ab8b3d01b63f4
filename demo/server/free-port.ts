import { createServer } from 'node:net';

/** A port free right now: the collector must know the demo app's origin (rewards webhook) before it starts. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not reserve a port for the demo app');
  return address.port;
}
