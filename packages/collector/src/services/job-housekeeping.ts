import type { JobStore } from '../storage/jobs/job-store.js';
import type { JobWorker } from './job-worker.js';

const DAY_MS = 86_400_000;
/** How long a finished job keeps its row, and with it its key's idempotency. */
export const FINISHED_JOBS_KEPT_MS = 30 * DAY_MS;
/** Rows deleted per statement, so a large purge never holds the write lock for long. */
const PURGE_CHUNK = 1_000;

/** `jobs.purge`, daily: deletes done and failed jobs older than {@link FINISHED_JOBS_KEPT_MS}, in chunks. */
export function scheduleJobPurge(worker: JobWorker, jobs: JobStore, clock: () => number): void {
  worker
    .register({
      kind: 'jobs.purge',
      maxAttempts: 3,
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
      async run() {
        const before = clock() - FINISHED_JOBS_KEPT_MS;
        while ((await jobs.purge(before, PURGE_CHUNK)) === PURGE_CHUNK);
      },
    })
    .schedule({ kind: 'jobs.purge', everyMs: DAY_MS });
}
