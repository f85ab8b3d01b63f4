import { rewardsHoldoutBucket } from '../../domain/rewards/holdout.js';
import type { Dialect, SqlRunner } from '../sql/runner.js';
import { ask, type TxLogic } from '../sql/transaction.js';

/** Rows given their bucket per statement: one statement stays short beside concurrent writes. */
const CHUNK = 5_000;

const UNITS = [
  { table: 'users', id: 'user_id' },
  { table: 'accounts', id: 'account_id' },
] as const;

/** Sets `holdout_bucket` of the rows the JSON array $1 of `[project, unit id, bucket]` names. */
const UPDATE: Record<Dialect, (table: string, id: string) => string> = {
  sqlite: (table, id) => `UPDATE ${table} SET holdout_bucket = j.value ->> 2 FROM json_each($1) j
    WHERE ${table}.project_id = j.value ->> 0 AND ${table}.${id} = j.value ->> 1`,
  postgres: (table, id) => `UPDATE ${table} t SET holdout_bucket = CAST(j ->> 2 AS integer) FROM jsonb_array_elements(CAST($1 AS jsonb)) j
    WHERE t.project_id = j ->> 0 AND t.${id} = j ->> 1`,
};

/**
 * Gives every user and account row without one its bucket in the rewards holdout's draw
 * (migration 035): the rows stored before that migration, or by an older collector since. Run when
 * a store opens; the partial indexes `*_without_holdout_bucket` make it free once all have one.
 * Answers how many rows it filled.
 */
export function* fillHoldoutBuckets(sql: SqlRunner): TxLogic<number> {
  let filled = 0;
  for (const { table, id } of UNITS) {
    for (;;) {
      const rows = yield* ask(
        sql.all<{ project_id: string; unit_id: string }>(
          `SELECT project_id, ${id} AS unit_id FROM ${table} WHERE holdout_bucket IS NULL LIMIT ${CHUNK}`,
          [],
        ),
      );
      if (rows.length === 0) break;
      const buckets = rows.map((row) => [row.project_id, row.unit_id, rewardsHoldoutBucket(row.project_id, row.unit_id)]);
      yield* ask(sql.run(UPDATE[sql.dialect](table, id), [JSON.stringify(buckets)]));
      filled += rows.length;
    }
  }
  return filled;
}
