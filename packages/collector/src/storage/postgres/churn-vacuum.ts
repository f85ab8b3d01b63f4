import type pg from 'pg';

/**
 * Tables whose rows are written and deleted again soon after: every event passes through
 * `kpi_event_queue`; dirty marks, jobs and rate-limit windows come and go. Their dead rows stay
 * in the heap until a VACUUM, and each `EXISTS (SELECT 1 FROM kpi_event_queue)` or chunk claim
 * scans past all of them: after 1 M events, an empty queue of 66 MB took 15–20 ms to find empty,
 * once per KPI statement and once a second in the background. Autovacuum would reclaim them, but
 * a server may run with it off, or it may lag behind a bulk load.
 */
const CHURNED_TABLES = ['kpi_event_queue', 'kpi_dirty_subjects', 'kpi_dirty_accounts', 'jobs', 'rate_limit_windows'];

/** A table is vacuumed once it holds at least this many dead rows, and more dead rows than live ones. */
const MIN_DEAD_ROWS = 10_000;

/** How often the running collector looks at the dead-row counts. */
const CHECK_EVERY_MS = 30_000;

/**
 * Vacuums the churned tables that need it, on the statistics PostgreSQL keeps per table
 * (`pg_stat_user_tables`, what autovacuum reads too). `SKIP_LOCKED`: with several collectors,
 * one vacuums and the others pass; VACUUM never blocks inserts or deletes.
 */
export async function vacuumChurnedTables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ relname: string }>(
    `SELECT relname FROM pg_stat_user_tables
     WHERE schemaname = current_schema() AND relname = ANY($1) AND n_dead_tup >= $2 AND n_dead_tup > n_live_tup`,
    [CHURNED_TABLES, MIN_DEAD_ROWS],
  );
  const tables = rows.map((row) => row.relname);
  // Names from the fixed list above, never from input.
  if (tables.length > 0) await pool.query(`VACUUM (SKIP_LOCKED) ${tables.join(', ')}`);
  return tables;
}

/** Vacuums the churned tables every `everyMs` while the store is open; `stop` waits for a vacuum in progress. */
export function keepChurnedTablesVacuumed(pool: pg.Pool, everyMs = CHECK_EVERY_MS): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() =>
      vacuumChurnedTables(pool).catch((error: unknown) =>
        console.error(
          'hearth-collector: vacuuming the queue tables failed; retrying later',
          error instanceof Error ? error.message : error,
        ),
      ),
    );
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
