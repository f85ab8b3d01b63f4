import { startCollector } from '../../packages/collector/src/index.js';
import { benchCollectorConfig } from './bench-project.js';

/**
 * Child-process entry: the collector exactly as deployed (startCollector), on the store named
 * by the environment, so its CPU and memory are apart from the load generator's.
 */
const databaseUrl = process.env.BENCH_COLLECTOR_DATABASE_URL;
const sqliteFile = process.env.BENCH_COLLECTOR_SQLITE_FILE;

const collector = await startCollector({
  config: benchCollectorConfig,
  ...(databaseUrl ? { databaseUrl } : { sqliteFile }),
  port: 0,
  host: '127.0.0.1',
});
process.send?.({ type: 'listening', url: collector.url });

process.on('SIGTERM', () => {
  collector.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('collector close failed:', error);
      process.exit(1);
    },
  );
});
