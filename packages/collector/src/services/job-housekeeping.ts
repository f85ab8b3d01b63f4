import { DAY_MS } from '../domain/time.js';
import type { Store } from '../storage/store.js';
import type { JobWorker } from './job-worker.js';

const HOUR_MS = 3_600_000;
/** How long a finished job keeps its row, and with it its key's idempotency. */
export const FINISHED_JOBS_KEPT_MS = 30 * DAY_MS;
/** Rows deleted per statement, so a large purge never holds the write lock for long. */
const PURGE_CHUNK = 1_000;
const RETRY = { maxAttempts: 3, backoff: { baseMs: 60_000, maxMs: HOUR_MS } };

/**
 * The store's own housekeeping, as scheduled jobs (one run per period across every instance):
 * `jobs.purge` daily deletes done and failed jobs older than {@link FINISHED_JOBS_KEPT_MS}, in
 * chunks; `rate-limits.purge` hourly deletes rate-limit windows that ended over an hour ago;
 * `audit.purge` daily deletes audit log entries older than `auditRetentionDays`, in chunks.
 */
export function scheduleHousekeeping(
  worker: JobWorker,
  store: Pick<Store, 'jobs' | 'rateLimits' | 'audit'>,
  clock: () => number,
  { auditRetentionDays }: { auditRetentionDays: number },
): void {
  worker
    .register({
      kind: 'jobs.purge',
      ...RETRY,
      async run() {
        const before = clock() - FINISHED_JOBS_KEPT_MS;
        while ((await store.jobs.purge(before, PURGE_CHUNK)) === PURGE_CHUNK);
      },
    })
    .schedule({ kind: 'jobs.purge', everyMs: DAY_MS })
    .register({
      kind: 'rate-limits.purge',
      ...RETRY,
      async run() {
        await store.rateLimits.purge(clock() - HOUR_MS);
      },
    })
    .schedule({ kind: 'rate-limits.purge', everyMs: HOUR_MS })
    .register({
      kind: 'audit.purge',
      ...RETRY,
      async run() {
        const before = clock() - auditRetentionDays * DAY_MS;
        while ((await store.audit.purge(before, PURGE_CHUNK)) === PURGE_CHUNK);
      },
    })
    .schedule({ kind: 'audit.purge', everyMs: DAY_MS });
}
