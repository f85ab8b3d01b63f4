import type { Dialect } from '../sql/runner.js';
import { ask, type Transact } from '../sql/transaction.js';
import type { ExpiryStore } from './expiry-store.js';

/** Tells the delete trigger (migration 019) that this transaction's deletes keep the rollups. */
const EXPIRING: Record<Dialect, { on: string; off: string | null }> = {
  sqlite: { on: 'INSERT INTO kpi_expiring (active) VALUES (1)', off: 'DELETE FROM kpi_expiring' },
  postgres: { on: "SELECT set_config('hearth.expiring', 'on', true)", off: null },
};

// At most `limit` events of one name (page views have none) before $2, through the (project_id,
// name, timestamp) index: a range seek per name, never a scan of the events that are kept.
const deleteOlder = (name: string, limit: string) => `
  DELETE FROM events WHERE (project_id, message_id) IN (
    SELECT project_id, message_id FROM events WHERE project_id = $1 AND ${name} AND timestamp < $2 LIMIT ${limit})`;
const DELETE_UNNAMED = deleteOlder('name IS NULL', '$3');
const DELETE_NAMED = deleteOlder('name = $3', '$4');
// The next event name after $2 (a skip scan over the same index: one seek per distinct name).
const FIRST_NAME = 'SELECT min(name) AS name FROM events WHERE project_id = $1';
const NEXT_NAME = 'SELECT min(name) AS name FROM events WHERE project_id = $1 AND name > $2';

/** The expiry sub-store over either dialect. */
export function sqlExpiryStore(transact: Transact): ExpiryStore {
  return {
    expireEvents: (projectId, before, limit) =>
      transact(function* (sql) {
        const until = sql.time(before.getTime());
        yield* ask(sql.all(EXPIRING[sql.dialect].on, []));
        let deleted = yield* ask(sql.run(DELETE_UNNAMED, [projectId, until, limit]));
        let name = (yield* ask(sql.all<{ name: string | null }>(FIRST_NAME, [projectId])))[0]?.name ?? null;
        while (name !== null && deleted < limit) {
          deleted += yield* ask(sql.run(DELETE_NAMED, [projectId, until, name, limit - deleted]));
          name = (yield* ask(sql.all<{ name: string | null }>(NEXT_NAME, [projectId, name])))[0]?.name ?? null;
        }
        const off = EXPIRING[sql.dialect].off;
        if (off) yield* ask(sql.run(off, []));
        return deleted;
      }),
  };
}
