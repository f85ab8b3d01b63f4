import type pg from 'pg';
import { postgresRunner } from './postgres-runner.js';
import type { SqlReader } from './runner.js';
import { runAsync, type Transact } from './transaction.js';

const MAX_ATTEMPTS = 3;

export interface PostgresTransactionOptions {
  /** SQLSTATE codes after which the whole transaction runs again (it was rolled back, nothing acknowledged). */
  retry?: ReadonlySet<string>;
  /** The statement that opens it (an isolation level, READ ONLY). */
  begin?: string;
}

/**
 * One transaction on one pooled connection: `body` runs between `begin` and COMMIT, is rolled back
 * on any error and, for the `retry` codes, run again from the start (up to three attempts).
 */
export async function postgresTransaction<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
  options: PostgresTransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(options.begin ?? 'BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // The body's error is the one to report; a connection too broken to roll back leaves the pool on release.
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= MAX_ATTEMPTS || typeof code !== 'string' || !options.retry?.has(code)) throw error;
    } finally {
      client.release();
    }
  }
}

/** Generator logic in `postgresTransaction`s, over a runner on the transaction's client. */
export function postgresTransact(pool: pg.Pool, retry?: ReadonlySet<string>): Transact {
  return (logic) => postgresTransaction(pool, (client) => runAsync(logic(postgresRunner(client))), { retry });
}

/** Reads, each in its own READ ONLY transaction on `pool`, run after `settings` (`SET LOCAL …`). */
export function postgresReadOnlyRunner(pool: pg.Pool, settings: readonly string[]): SqlReader {
  return {
    dialect: 'postgres',
    time: (ms) => new Date(ms),
    all: <T>(sql: string, params: readonly unknown[]) =>
      postgresTransaction(
        pool,
        async (client) => {
          for (const setting of settings) await client.query(setting);
          return (await client.query(sql, [...params])).rows as T[];
        },
        { begin: 'BEGIN READ ONLY' },
      ),
  };
}
