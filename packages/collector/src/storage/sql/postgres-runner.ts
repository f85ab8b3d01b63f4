import type pg from 'pg';
import type { SqlRunner } from './runner.js';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** Runs `$n` statements on a pool (each on any connection) or on one transaction's client. */
export function postgresRunner(db: Queryable): SqlRunner {
  return {
    dialect: 'postgres',
    time: (ms) => new Date(ms),
    all: async <T>(sql: string, params: readonly unknown[]) => (await db.query(sql, [...params])).rows as T[],
    run: async (sql, params) => (await db.query(sql, [...params])).rowCount ?? 0,
  };
}
