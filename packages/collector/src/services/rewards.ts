import type { Store } from '../storage/store.js';
import type { ProjectRegistry } from './project-registry.js';
import { createRewardsEngine } from './rewards-engine.js';
import type { WebhookJobs } from './webhook-jobs.js';

export interface RewardsServiceDeps {
  store: Pick<Store, 'listEvents' | 'getUser' | 'users' | 'rewards' | 'accounts' | 'facts'>;
  projects: ProjectRegistry;
  clock: () => number;
  /** The fulfilment webhook's jobs. */
  webhooks: Pick<WebhookJobs, 'redemptionJobs' | 'committed'>;
}

/**
 * The rewards engine as the collector runs it: each project's program is read from the registry per
 * call (a program changed in the console applies at once), and a new redemption enqueues the signed
 * fulfilment webhook in its own transaction (a durable job: it is sent even if this process dies).
 */
export function createRewardsService({ store, projects, clock, webhooks }: RewardsServiceDeps) {
  return createRewardsEngine({
    events: store,
    rewards: store.rewards,
    configFor: (id) => projects.get(id)?.rewards,
    clock,
    redemptionJobs: (id, redemption) => webhooks.redemptionJobs(id, redemption),
    onRedemption: () => webhooks.committed(),
  });
}
