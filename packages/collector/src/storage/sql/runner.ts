export type Awaitable<T> = T | Promise<T>;
export type Dialect = 'sqlite' | 'postgres';

/**
 * The one seam between the stores and the two databases: a statement is written once with `$n`
 * parameters (the SQLite runner binds them as positional `?`), rendered per dialect through the
 * helpers of `dialect.ts` where the two differ. SQLite answers synchronously, PostgreSQL with
 * promises; logic that must stay synchronous on SQLite is written as generators (`transaction.ts`).
 */
export interface SqlReader {
  readonly dialect: Dialect;
  /** The statement's rows; none for a statement without RETURNING. */
  all<T>(sql: string, params: readonly unknown[]): Awaitable<T[]>;
  /** Epoch ms as a parameter comparable with the dialect's time columns. */
  time(ms: number): unknown;
}

export interface SqlRunner extends SqlReader {
  /** How many rows the statement changed. */
  run(sql: string, params: readonly unknown[]): Awaitable<number>;
}

/**
 * Runs `next` on a value that may be a promise, without making a synchronous one asynchronous.
 * (Not named `then`: a module exporting `then` is thenable, and `await import()` would call it.)
 */
export function andThen<T, U>(value: Awaitable<T>, next: (value: T) => Awaitable<U>): Awaitable<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
