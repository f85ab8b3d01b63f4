import type pg from 'pg';
import { postgresRunner } from '../postgres/rewards-postgres.js';
import { runAsync } from '../rewards-ops.js';
import { createSqlUserStore, type UserTransact } from './users-sql-store.js';
import type { UserStore } from './user-store.js';

/** Users on PostgreSQL: the erasure is one transaction on one pooled connection. */
export function postgresUserStore(pool: pg.Pool): UserStore {
  const transact: UserTransact = async (logic) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await runAsync(logic(postgresRunner(client)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return createSqlUserStore(transact, postgresRunner(pool));
}
