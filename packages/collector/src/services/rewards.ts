import type { Store } from '../storage/store.js';
import { createRedemptionWebhook, type WebhookOptions } from '../webhooks/redemption.js';
import type { ProjectRegistry } from './project-registry.js';
import { createRewardsEngine } from './rewards-engine.js';

export interface RewardsServiceDeps {
  store: Pick<Store, 'listEvents' | 'getUser' | 'users' | 'rewards'>;
  projects: ProjectRegistry;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
  /** The fulfilment webhook's backoff and resolver (tests). */
  webhookDelivery?: WebhookOptions['delivery'];
}

/**
 * The rewards engine as the collector runs it: each project's program is read from the registry per
 * call (a program changed in the console applies at once), and a new redemption sends the signed
 * fulfilment webhook once committed.
 */
export function createRewardsService({ store, projects, clock, log, webhookDelivery }: RewardsServiceDeps) {
  const fulfilment = createRedemptionWebhook({ project: (id) => projects.get(id), clock, log, delivery: webhookDelivery });
  return createRewardsEngine({
    events: store,
    rewards: store.rewards,
    configFor: (id) => projects.get(id)?.rewards,
    clock,
    onRedemption: (id, redemption) => void fulfilment(id, redemption),
  });
}
