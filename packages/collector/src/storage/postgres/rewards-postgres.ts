import type pg from 'pg';
import { runAsync } from '../rewards-ops.js';
import { createSqlRewardsStore, type Transact } from '../rewards-sql-store.js';
import { ledgerOps, type SqlRunner } from '../rewards-sql.js';
import type { RewardsStore } from '../rewards-store.js';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export function postgresRunner(db: Queryable): SqlRunner {
  return {
    dialect: 'postgres',
    time: (ms) => new Date(ms),
    all: async <T>(sql: string, params: readonly unknown[]) => (await db.query(sql, [...params])).rows as T[],
  };
}

/**
 * Races the row locks cannot prevent, retried from the start: the same new idempotency key used
 * for two *different* users (unique violation; the retry then sees the winner's entry and answers
 * 409) and deadlocks between a user lock and an item lock.
 */
const RETRYABLE = new Set(['23505', '40P01']);
const MAX_ATTEMPTS = 3;

/** Rewards on PostgreSQL: every write holds the user's `reward_balances` row lock (`FOR UPDATE`). */
export function postgresRewardsStore(pool: pg.Pool): RewardsStore {
  const transact: Transact = async (logic) => {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const sql = postgresRunner(client);
        const result = await runAsync(logic(ledgerOps(sql), sql));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      } finally {
        client.release();
      }
    }
  };
  return createSqlRewardsStore(transact, postgresRunner(pool));
}
