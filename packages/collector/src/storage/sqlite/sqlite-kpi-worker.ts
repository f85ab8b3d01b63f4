import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { sqliteRowsQuery } from './sqlite-kpi-rows.js';
import type { KpiReaderReady, KpiReaderRequest, KpiReaderResponse } from './sqlite-kpi-reader.js';

// The collector is gone (even killed): nothing is left to answer. Listened for first, so a parent
// that dies while this process still loads its modules or opens the file is noticed too.
process.on('disconnect', () => process.exit(0));
// While a statement runs this thread sees no disconnect, and SQLite cannot be interrupted: a killed
// collector would leave its reader running a long query for minutes. A watchdog thread notices the
// parent is gone (this process was handed to another one) and ends the process, statement and all.
new Worker(
  "const { workerData } = require('node:worker_threads'); setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, 'SIGKILL'); }, 1000);",
  { eval: true, workerData: process.ppid },
).unref();

/** Sends to the collector, or exits when it is gone: a reply to a dead parent fails with EPIPE. */
function reply(message: KpiReaderResponse | KpiReaderReady): void {
  if (!process.connected) process.exit(0);
  process.send!(message, undefined, undefined, (error: Error | null) => {
    if (error) process.exit(0);
  });
}

// The KPI reader's process: its own read-only connection (WAL lets it read beside the writer), one
// statement at a time. Its synchronous waits block only this process.
const db = new Database(process.argv[2]!, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
db.pragma('mmap_size = 268435456');
// Loads the schema now rather than in the first read.
db.prepare('SELECT count(*) FROM sqlite_schema').get();
const rows = sqliteRowsQuery(db);

process.on('message', (request: KpiReaderRequest) => {
  let response: KpiReaderResponse;
  try {
    response = { id: request.id, rows: rows(request.sql, request.params) };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: unknown };
    response = { id: request.id, error: { message: message ?? String(error), code: typeof code === 'string' ? code : undefined } };
  }
  reply(response);
});
reply({ ready: true });
