import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteKpiReader } from '../storage/sqlite/sqlite-kpi-reader.js';

/**
 * A process that starts a KPI reader on the SQLite file in argv[2], waits until it is up, prints
 * `ready`, then, by argv[3]: `hold` waits to be killed; `exit` leaves with `process.exit` without
 * closing the reader; `busy` also sends the reader a statement that runs for hours first.
 */
const reader = new SqliteKpiReader(process.argv[2]!);
reader.start();
while (reader.readiness() !== null) await sleep(20);
const mode = process.argv[3];
if (mode === 'busy') {
  // Counting to ten billion in a recursive CTE: hours of work SQLite cannot be interrupted in.
  void reader.rows('WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10000000000) SELECT count(*) FROM c', []);
}
console.log('ready');
if (mode === 'exit') process.exit(0);
setInterval(() => undefined, 1_000);
