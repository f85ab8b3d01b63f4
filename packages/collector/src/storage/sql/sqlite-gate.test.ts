import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteTransact } from './sqlite-gate.js';
import { sqliteRunner } from './sqlite-runner.js';
import { ask } from './transaction.js';

// The stores' transaction guarantees run in the store conformance suite (storage/conformance/).
describe('sqlite transaction gate', () => {
  it('waits for a transaction open on the shared connection instead of joining it', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    const sql = sqliteRunner(db);
    const transact = sqliteTransact(db, sql);
    db.exec('BEGIN IMMEDIATE');
    const pending = transact(function* (tx) {
      yield* ask(tx.run('INSERT INTO t (n) VALUES ($1)', [5]));
      return yield* ask(tx.all<{ n: number }>('SELECT n FROM t', []));
    });
    await new Promise((resolve) => setImmediate(resolve));
    db.exec('ROLLBACK');
    // Had it joined the rolled-back transaction, the row would be gone.
    expect(await pending).toEqual([{ n: 5 }]);
    expect(sql.all('SELECT n FROM t', [])).toEqual([{ n: 5 }]);
  });
});
