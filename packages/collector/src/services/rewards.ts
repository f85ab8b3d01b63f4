import type { Store } from '../storage/store.js';
import type { ProjectRegistry } from './project-registry.js';
import { createRewardsEngine } from './rewards-engine.js';
import type { WebhookJobs } from './webhook-jobs.js';

export interface RewardsServiceDeps {
  store: Pick<Store, 'listEvents' | 'getUser' | 'users' | 'rewards' | 'accounts' | 'facts'>;
  projects: ProjectRegistry;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
  /** Where the fulfilment webhook is enqueued. */
  webhooks: Pick<WebhookJobs, 'redemption'>;
}

/**
 * The rewards engine as the collector runs it: each project's program is read from the registry per
 * call (a program changed in the console applies at once), and a new redemption enqueues the signed
 * fulfilment webhook once committed (a durable job: it is sent even if this process dies).
 */
export function createRewardsService({ store, projects, clock, log, webhooks }: RewardsServiceDeps) {
  return createRewardsEngine({
    events: store,
    rewards: store.rewards,
    configFor: (id) => projects.get(id)?.rewards,
    clock,
    onRedemption: (id, redemption) =>
      webhooks
        .redemption(id, redemption)
        .catch((error: unknown) => log?.(`could not enqueue the fulfilment webhook of ${redemption.id}`, error)),
  });
}
