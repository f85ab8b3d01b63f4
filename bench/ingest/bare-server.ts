import { createServer } from 'node:http';

/**
 * The ceiling of the machine: a `node:http` handler that reads the body, parses it as JSON and
 * answers 204. Any collector overhead (validation, storage, commit) shows as the gap to this.
 * Runs as its own process so it gets the same arrangement as the collector under test.
 */
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.statusCode = 204;
    } catch {
      res.statusCode = 400;
    }
    res.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bare server: no TCP address');
  process.send?.({ type: 'listening', url: `http://127.0.0.1:${address.port}` });
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
