import type { Awaitable, SqlRunner } from './runner.js';

/** A transaction's logic: yields store answers (values or promises), returns its result. */
export type TxLogic<T> = Generator<unknown, T, unknown>;

/** Runs one transaction's logic with the adapter's locking and retry rules (its gate). */
export type Transact = <T>(logic: (sql: SqlRunner) => TxLogic<T>) => Promise<T>;

/** `const x = yield* ask(sql.all(…))`: a typed round trip through the driver. */
export function* ask<T>(answer: Awaitable<T>): Generator<Awaitable<T>, T, unknown> {
  return (yield answer) as T;
}

/** Drives logic over synchronous answers (SQLite): no `await`, so nothing can interleave. */
export function runSync<T>(logic: TxLogic<T>): T {
  let step = logic.next();
  while (!step.done) {
    if (step.value instanceof Promise) throw new Error('a synchronous store returned a promise');
    step = logic.next(step.value);
  }
  return step.value;
}

/** Drives logic over asynchronous answers (PostgreSQL). */
export async function runAsync<T>(logic: TxLogic<T>): Promise<T> {
  let step = logic.next();
  while (!step.done) step = logic.next(await step.value);
  return step.value;
}
