import Database from 'better-sqlite3';
import { sqliteRowsQuery } from './sqlite-kpi-rows.js';
import type { KpiReaderRequest, KpiReaderResponse } from './sqlite-kpi-reader.js';

// The KPI reader's process: its own read-only connection (WAL lets it read beside the writer), one
// statement at a time. Its synchronous waits block only this process.
const db = new Database(process.argv[2]!, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
db.pragma('mmap_size = 268435456');
const rows = sqliteRowsQuery(db);

process.on('message', (request: KpiReaderRequest) => {
  let response: KpiReaderResponse;
  try {
    response = { id: request.id, rows: rows(request.sql, request.params) };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: unknown };
    response = { id: request.id, error: { message: message ?? String(error), code: typeof code === 'string' ? code : undefined } };
  }
  process.send!(response);
});
// The collector is gone (even killed): nothing is left to answer.
process.on('disconnect', () => process.exit(0));
