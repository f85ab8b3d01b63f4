import type { SqlRunner } from '../sql/runner.js';
import { ask, type Transact } from '../sql/transaction.js';
import type { RateLimitStore } from './rate-limit-store.js';

/**
 * `store.rateLimits` over either dialect: one upsert adds the claim and returns the new total, so
 * concurrent claimants (other instances) never lose each other's counts. Through the write gate:
 * on SQLite a bare statement could join the event writer's open transaction.
 */
export function sqlRateLimitStore(transact: Transact): RateLimitStore {
  return {
    claim: (projectId, windowStart, amount) =>
      transact(function* (tx: SqlRunner) {
        const [row] = yield* ask(
          tx.all<{ claimed: number | string }>(
            `INSERT INTO rate_limit_windows (project_id, window_start, claimed) VALUES ($1, $2, $3)
             ON CONFLICT (project_id, window_start) DO UPDATE SET claimed = rate_limit_windows.claimed + excluded.claimed
             RETURNING claimed`,
            [projectId, windowStart, amount],
          ),
        );
        return Number(row?.claimed ?? amount);
      }),
    purge: (before) =>
      transact(function* (tx: SqlRunner) {
        return yield* ask(tx.run('DELETE FROM rate_limit_windows WHERE window_start < $1', [before]));
      }),
  };
}
