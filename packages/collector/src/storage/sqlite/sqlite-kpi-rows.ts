import type { Database, Statement } from 'better-sqlite3';

/** A statement's parameters: positional (`?`) or named (`@name`). */
export type KpiParams = readonly unknown[] | Record<string, unknown>;

/** Rows of one KPI read statement. */
export type KpiRows = <T>(sql: string, params: KpiParams) => Promise<T[]>;

/** Runs a read statement on `db`, synchronously (in the KPI reader's process, or inline); each text is prepared once. */
export function sqliteRowsQuery(db: Database): (sql: string, params: KpiParams) => unknown[] {
  const prepared = new Map<string, Statement<unknown[]>>();
  return (sql, params) => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return Array.isArray(params) ? statement.all(...(params as unknown[])) : statement.all(params);
  };
}

/**
 * KPI reads through the reader process when the store has one, so a long statement never holds the
 * event loop (ingest, health checks); inline on the writer's connection for an in-memory store.
 */
export function sqliteKpiRows(db: Database, reader: { rows: KpiRows } | null): KpiRows {
  if (reader) return <T>(sql: string, params: KpiParams) => reader.rows<T>(sql, params);
  const inline = sqliteRowsQuery(db);
  return async <T>(sql: string, params: KpiParams) => inline(sql, params) as T[];
}
