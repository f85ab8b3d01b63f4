import { expiryCutoff } from '../domain/rewards/expiry.js';
import { DAY_MS } from '../domain/time.js';
import type { RewardsStore } from '../storage/rewards-store.js';
import type { JobWorker } from './job-worker.js';
import type { ProjectRegistry } from './project-registry.js';

/**
 * `rewards.expire`, daily (one run per day across every collector): expires the old unspent points
 * of every project whose program sets `expiryMonths`, as `POST /v1/server/rewards/expire` does
 * (idempotent, so a host that still calls that endpoint changes nothing).
 */
export function scheduleRewardsExpiry(
  worker: JobWorker,
  deps: { projects: ProjectRegistry; rewards: Pick<RewardsStore, 'expire'>; clock: () => number },
): void {
  worker
    .register({
      kind: 'rewards.expire',
      maxAttempts: 5,
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
      async run() {
        const now = deps.clock();
        for (const project of deps.projects.all()) {
          const months = project.rewards?.expiryMonths;
          if (months !== undefined) await deps.rewards.expire(project.id, expiryCutoff(months, now), now);
        }
      },
    })
    .schedule({ kind: 'rewards.expire', everyMs: DAY_MS });
}
