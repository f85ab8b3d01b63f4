import type pg from 'pg';
import { applyWrite } from '../apply-write.js';
import type { GroupWriter } from '../group-commit.js';
import { postgresWriteOps } from './postgres-write-ops.js';

/** Deadlock and serialization failures roll the whole transaction back: running it again is safe. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

/**
 * One group per transaction on a pooled connection. Key-ordered writes keep overlapping groups
 * from deadlocking; should Postgres still report one, the group is retried (nothing was acked).
 */
export function postgresGroupWriter(pool: pg.Pool): GroupWriter {
  return async (groups) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeOnce(pool, groups);
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (attempt >= MAX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      }
    }
  };
}

const writeOnce: (pool: pg.Pool, groups: Parameters<GroupWriter>[0]) => ReturnType<GroupWriter> = async (pool, groups) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const results = await applyWrite(postgresWriteOps(client), groups);
    await client.query('COMMIT');
    return results;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
